import { type EndpointDef, type EndpointName, endpoints } from '@wxlocal/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Web } from '../areas/web/web.js';
import type { Clock } from '../clock.js';
import { newRid } from '../ids.js';
import type { Pusher } from '../push/pusher.js';
import type { Store } from '../store/index.js';
import { asRawBody, coerceObject, firstValues, readJsonBody } from './body.js';
import { resolveCaller } from './caller.js';
import type { Faults } from './faults.js';
import type { Call, Caller, Handler, Handlers } from './handler.js';
import type { Journal } from './journal.js';
import { errorBody, sendWeChat, successBody } from './respond.js';
import { fail, WxError } from './wx-error.js';

export interface DataPlaneDeps {
  store: Store;
  clock: Clock;
  journal: Journal;
  web: Web;
  pusher: Pusher;
  faults: Faults;
  handlers: Handlers;
}

/** Every method reaches the endpoint; what a wrong one means is decided per call (wire-protocol §1). */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** One route per catalogue entry; every entry must have a handler. */
export function registerDataPlane(app: FastifyInstance, deps: DataPlaneDeps): void {
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, EndpointDef][]) {
    const handler = deps.handlers[name] as Handler<EndpointName> | undefined;
    if (!handler) throw new Error(`no handler for ${name}`);
    app.route({
      method: METHODS,
      url: endpoint.path,
      handler: async (request, reply) => sendWeChat(reply, await serve(endpoint, handler, request, deps)),
    });
  }
}

/** Runs one call in one transaction: token checks, body, handler; a failure leaves no trace in the store. */
async function serve(
  endpoint: EndpointDef,
  handler: Handler<EndpointName>,
  request: FastifyRequest,
  deps: DataPlaneDeps,
): Promise<object> {
  const now = deps.clock.now();
  const rid = newRid(Math.floor(now / 1000));
  const query = firstValues(request.query);
  let subject: string | null = query.appid ?? null;
  let body: object;
  let errcode = 0;
  const committed: (() => void)[] = [];
  try {
    const fault = deps.faults.take(endpoint.name);
    if (fault !== undefined) fail(fault);
    body = await deps.store.transaction(async (tx) => {
      if (endpoint.requirePost && request.method !== 'POST') fail(43002);
      const caller = await resolveCaller(tx, endpoint, query, now, request.ip);
      subject = callerAppid(caller) ?? subject;
      const call: Call<EndpointName> = {
        tx,
        now,
        caller,
        ip: request.ip,
        web: deps.web,
        pusher: deps.pusher,
        afterCommit: (task) => committed.push(task),
        request: readRequest(endpoint, request, query) as Call<EndpointName>['request'],
      };
      subject = subject ?? requestAppid(call.request);
      const payload = await handler(call);
      return successBody(endpoint, payload, call.successMessage);
    });
    for (const task of committed) task();
  } catch (error) {
    const wxError = error instanceof WxError ? error : new WxError(-1);
    if (!(error instanceof WxError)) request.log.error({ err: error, rid }, 'unexpected failure');
    errcode = wxError.errcode;
    body = errorBody(wxError, rid);
  }
  deps.journal.record({
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
