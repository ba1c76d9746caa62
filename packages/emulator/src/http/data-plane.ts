import { type EndpointDef, type EndpointName, endpoints } from '@wxlocal/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Call, type Caller, fail, type Handler, type Handlers, WxError } from '../core/index.js';
import { newRid } from '../ids.js';
import { AfterCommit, type Runtime, scopeOf } from '../runtime.js';
import { asRawBody, coerceObject, firstValues, parseJson, readJsonBody } from './body.js';
import { WebReads } from './live-web.js';
import { errorBody, sendWeChat, successBody } from './respond.js';

/** Every method reaches the endpoint; what a wrong one means is decided per call (docs/wire-protocol.md §1). */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
/** Runs of one call that reads the web: each fetches the URLs the previous one used for the first time. */
const MAX_RUNS = 4;

/**
 * Every catalogue entry, served by its handler. One wildcard route dispatches on the exact path (a path WeChat
 * does not have is 404): registering each path for every method made each start pay for hundreds of routes.
 * The control plane and the authorization page are static routes, which the router prefers.
 */
export function registerDataPlane(app: FastifyInstance, runtime: Runtime, handlers: Handlers): void {
  const byPath = new Map<string, { endpoint: EndpointDef; handler: Handler<EndpointName> }>();
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, EndpointDef][]) {
    byPath.set(endpoint.path, { endpoint, handler: handlers[name] as Handler<EndpointName> });
  }
  app.route({
    method: METHODS,
    url: '/*',
    handler: async (request, reply) => {
      const served = byPath.get(routedPath(request.url));
      if (!served) return reply.code(404).send({ error: 'not found' });
      return sendWeChat(
        reply,
        served.endpoint,
        await serve(served.endpoint, served.handler, request, runtime),
      );
    },
  });
}

/** The path as the router reads it: escapes decoded, but not those of reserved characters such as `%2F`. */
function routedPath(url: string): string {
  try {
    return decodeURI(url.split('?')[0] ?? url);
  } catch {
    return '';
  }
}

/** A call as the journal records it. */
interface Served {
  body: object;
  subject: string | null;
}

/** Serves one call: an armed fault, else the call in one transaction; a failure leaves no trace in the store. */
async function serve(
  endpoint: EndpointDef,
  handler: Handler<EndpointName>,
  request: FastifyRequest,
  runtime: Runtime,
): Promise<object> {
  const now = runtime.clock.now();
  const rid = newRid(Math.floor(now / 1000));
  const query = firstValues(request.query);
  const served: Served = { body: {}, subject: query.appid ?? null };
  let errcode = 0;
  try {
    const fault = runtime.faults.take(endpoint.name);
    if (fault !== undefined) fail(fault);
    await run(endpoint, handler, request, runtime, { now, query, served });
  } catch (error) {
    const wxError = error instanceof WxError ? error : new WxError(-1);
    if (!(error instanceof WxError)) request.log.error({ err: error, rid }, 'unexpected failure');
    errcode = wxError.errcode;
    served.body = errorBody(wxError, rid);
  }
  runtime.journal.record({
    time: Math.floor(now / 1000),
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    endpoint: endpoint.name,
    appid: served.subject,
    errcode,
    rid,
  });
  return served.body;
}

interface RunContext {
  now: number;
  query: Record<string, string>;
  served: Served;
}

/**
 * Token checks, body and handler in one transaction, then the pushes it asked for. With `--verify-http` a
 * run that used a URL not fetched yet is rolled back and run again once the URL is fetched, outside the
 * transaction (docs/web.md §3).
 */
async function run(
  endpoint: EndpointDef,
  handler: Handler<EndpointName>,
  request: FastifyRequest,
  runtime: Runtime,
  context: RunContext,
): Promise<void> {
  const web = runtime.webFetcher && new WebReads(runtime.webFetcher);
  for (let runs = 1; ; runs++) {
    const effects = new AfterCommit(runtime.pusher);
    try {
      context.served.body = await runtime.store.transaction(async (tx) => {
        if (endpoint.requirePost && request.method !== 'POST') fail(43002);
        const caller = await runtime.callers.resolve(tx, endpoint, context.query, context.now, request.ip);
        context.served.subject = callerAppid(caller) ?? context.served.subject;
        const call: Call<EndpointName> = {
          ...scopeOf(tx, context.now, effects),
          caller,
          ip: request.ip,
          liveWeb: web,
          request: readRequest(endpoint, request, context.query) as Call<EndpointName>['request'],
        };
        context.served.subject ??= requestAppid(call.request);
        const payload = await handler(call);
        if (web?.incomplete) throw READ_THE_WEB;
        return successBody(endpoint, payload, call.successMessage);
      });
      await effects.run();
      return;
    } catch (error) {
      if (!web?.incomplete || runs === MAX_RUNS) throw error;
      await web.readUnread();
    }
  }
}

/** Rolls back a run that succeeded only on answers the web has not given yet. */
const READ_THE_WEB = new Error('the call read URLs not fetched yet');

/**
 * GET endpoints read the query and ignore any body, but for the few that take a field from a JSON body when the
 * query lacks it; a POST endpoint called otherwise has an empty body.
 */
function readRequest(endpoint: EndpointDef, request: FastifyRequest, query: Record<string, string>) {
  if (endpoint.method === 'GET') {
    const fields = endpoint.queryOrBody ? { ...bodyFields(request), ...query } : query;
    return coerceObject(endpoint.request, fields);
  }
  const raw = request.method === 'POST' ? asRawBody(request.body) : asRawBody(undefined);
  return readJsonBody(endpoint, raw);
}

/** The fields of a JSON object body; nothing when there is none or it is not one. */
function bodyFields(request: FastifyRequest): Record<string, unknown> {
  try {
    const value = parseJson(asRawBody(request.body));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
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
