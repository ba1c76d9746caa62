import { type EndpointDef, type EndpointName, endpoints } from '@wxlocal/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveCaller } from '../areas/index.js';
import { type Call, type Caller, fail, type Handler, type Handlers, WxError } from '../core/index.js';
import { newRid } from '../ids.js';
import { AfterCommit, type Runtime } from '../runtime.js';
import { asRawBody, coerceObject, firstValues, readJsonBody } from './body.js';
import { errorBody, sendWeChat, successBody } from './respond.js';

/** Every method reaches the endpoint; what a wrong one means is decided per call (docs/wire-protocol.md §1). */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** One route per catalogue entry, served by its handler. */
export function registerDataPlane(app: FastifyInstance, runtime: Runtime, handlers: Handlers): void {
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, EndpointDef][]) {
    const handler = handlers[name] as Handler<EndpointName>;
    app.route({
      method: METHODS,
      url: endpoint.path,
      handler: async (request, reply) => sendWeChat(reply, await serve(endpoint, handler, request, runtime)),
    });
  }
}

/** Runs one call in one transaction: token checks, body, handler; a failure leaves no trace in the store. */
async function serve(
  endpoint: EndpointDef,
  handler: Handler<EndpointName>,
  request: FastifyRequest,
  runtime: Runtime,
): Promise<object> {
  const now = runtime.clock.now();
  const rid = newRid(Math.floor(now / 1000));
  const query = firstValues(request.query);
  const effects = new AfterCommit(runtime.pusher);
  let subject: string | null = query.appid ?? null;
  let body: object;
  let errcode = 0;
  try {
    const fault = runtime.faults.take(endpoint.name);
    if (fault !== undefined) fail(fault);
    body = await runtime.store.transaction(async (tx) => {
      if (endpoint.requirePost && request.method !== 'POST') fail(43002);
      const caller = await resolveCaller(tx, endpoint, query, now, request.ip);
      subject = callerAppid(caller) ?? subject;
      const call: Call<EndpointName> = {
        tx,
        now,
        caller,
        ip: request.ip,
        liveWeb: runtime.liveWeb,
        push: (componentAppid, fields) => effects.push(componentAppid, fields),
        pushDueTickets: () => effects.pushDueTickets(),
        request: readRequest(endpoint, request, query) as Call<EndpointName>['request'],
      };
      subject = subject ?? requestAppid(call.request);
      const payload = await handler(call);
      return successBody(endpoint, payload, call.successMessage);
    });
    await effects.run();
  } catch (error) {
    const wxError = error instanceof WxError ? error : new WxError(-1);
    if (!(error instanceof WxError)) request.log.error({ err: error, rid }, 'unexpected failure');
    errcode = wxError.errcode;
    body = errorBody(wxError, rid);
  }
  runtime.journal.record({
    time: Math.floor(now / 1000),
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    endpoint: endpoint.name,
    appid: subject,
    errcode,
    rid,
  });
  return body;
}

/** GET endpoints read the query and ignore any body; a POST endpoint called otherwise has an empty body. */
function readRequest(endpoint: EndpointDef, request: FastifyRequest, query: Record<string, string>) {
  if (endpoint.method === 'GET') return coerceObject(endpoint.request, query);
  const raw = request.method === 'POST' ? asRawBody(request.body) : asRawBody(undefined);
  return readJsonBody(endpoint, raw);
}

function callerAppid(caller: Caller): string | null {
  if (caller.kind === 'component') return caller.componentAppid;
  if (caller.kind === 'authorizer') return caller.account.appid;
  return null;
}

function requestAppid(request: Record<string, unknown>): string | null {
  const appid = request.appid ?? request.component_appid;
  return typeof appid === 'string' && appid !== '' ? appid : null;
}
