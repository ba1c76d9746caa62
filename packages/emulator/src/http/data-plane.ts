import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EndpointDef, type EndpointName, endpoints } from '@wxlocal/api';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { tokenHolder } from '../areas/index.js';
import { type Call, type Caller, fail, type Handler, type Handlers, WxError } from '../core/index.js';
import { newRid } from '../ids.js';
import { AfterCommit, type Runtime, scopeOf } from '../runtime.js';
import { syncSharedView } from '../store/clock-offset.js';
import type { Tx } from '../store/index.js';
import {
  asRawBody,
  coerceObject,
  firstValues,
  parseJson,
  type RawBody,
  readJsonBody,
  readRawBody,
} from './body.js';
import { HeldCalls, type WireFault, writeFault } from './fault-answers.js';
import { type FaultHit, faultMark } from './faults.js';
import type { JournalEntry } from './journal.js';
import { WebReads } from './live-web.js';
import { errorBody, sendWeChat, successBody, writeFailure, writeWeChat } from './respond.js';

/** Every method reaches the endpoint; what a wrong one means is decided per call (docs/wire-protocol.md §1). */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
/** Runs of one call that reads the web: each fetches the URLs the previous one used for the first time. */
const MAX_RUNS = 4;

/** A data-plane call as it came off the wire, whichever server read it. */
interface WireRequest {
  method: string;
  url: string;
  ip: string;
  query: Record<string, string>;
  body: RawBody;
}

/** The data plane on the node:http server, ahead of Fastify. */
export interface DataPlane {
  /** Serves a call of the catalogue and answers true; anything else is left to Fastify (false). */
  direct(request: IncomingMessage, response: ServerResponse): boolean;
  /** From now on every request is left to Fastify, which refuses them while it closes. */
  stop(): void;
}

/**
 * Paths and queries read as Fastify's router reads them (the same library and settings), so that a call
 * means the same on either path.
 */
const wireRouter = FindMyWay();
wireRouter.on(METHODS as HTTPMethod[], '/*', () => {});

/**
 * Every catalogue entry, served by its handler. The calls are served straight from node:http, which costs a
 * fraction of Fastify's request handling (README "Performance"); Fastify keeps the rest: HEAD, the paths
 * WeChat does not have (404), the control plane and the pages. Its wildcard route serves a catalogue path
 * the same way, for the methods the direct path leaves to it.
 */
export function registerDataPlane(app: FastifyInstance, runtime: Runtime, handlers: Handlers): DataPlane {
  const byPath = new Map<string, Served>();
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, EndpointDef][]) {
    byPath.set(endpoint.path, { endpoint, handler: handlers[name] as Handler<EndpointName> });
  }
  const log = app.log;
  const held = new HeldCalls();
  app.route({
    method: METHODS,
    url: '/*',
    handler: async (request, reply) => {
      const served = byPath.get(routedPath(request.url));
      if (!served) return reply.code(404).send({ error: 'not found' });
      const wire = {
        method: request.method,
        url: request.url,
        ip: request.ip,
        query: firstValues(request.query),
        body: asRawBody(request.body),
      };
      const answer = await serve(served, wire, runtime, log, held);
      if (!answer.fault) return sendWeChat(reply, served.endpoint, answer.body);
      // The same faults as the direct path, on the same raw response.
      reply.hijack();
      writeFault(reply.raw, served.endpoint, answer.fault, answer.body, wire.body.bytes === null, held);
      return reply;
    },
  });
  let stopped = false;
  return {
    direct(request, response) {
      const found = stopped ? null : wireRouter.find(request.method as HTTPMethod, request.url ?? '');
      const served = found && byPath.get(routedPath(request.url ?? ''));
      if (!found || !served) return false;
      readRawBody(request, request.headers, (error, body) => {
        if (error || !body) {
          request.socket.destroy();
          return;
        }
        const wire = {
          method: request.method ?? '',
          url: request.url ?? '',
          ip: request.socket.remoteAddress ?? '',
          query: firstValues(found.searchParams),
          body,
        };
        const unread = body.bytes === null;
        if (unread) response.once('finish', () => request.socket.destroy());
        serve(served, wire, runtime, log, held).then(
          ({ body, fault }) =>
            fault
              ? writeFault(response, served.endpoint, fault, body, unread, held)
              : writeWeChat(response, served.endpoint, body, unread),
          (failure) => writeFailure(response, runtime.store, failure, log),
        );
      });
      return true;
    },
    stop: () => {
      stopped = true;
      held.releaseAll();
    },
  };
}

/** The path as the router reads it: escapes decoded, but not those of reserved characters such as `%2F`. */
function routedPath(url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.includes('%')) return path;
  try {
    return decodeURI(path);
  } catch {
    return '';
  }
}

/** An endpoint and its handler. */
interface Served {
  endpoint: EndpointDef;
  handler: Handler<EndpointName>;
}

/** A call as the journal records it. */
interface Outcome {
  body: object;
  subject: string | null;
}

/** What a call answers: WeChat's body, or a fault sent on the wire instead of it. */
interface Answer {
  body: object;
  fault?: WireFault;
}

/**
 * Serves one call: the fault rules first (docs/faults.md), then the call in one transaction; a failure leaves
 * no trace in the store. A rule's latency is waited out holding nothing; its effect stops the call, or with
 * `after_commit` replaces the answer of the call that ran and committed.
 */
async function serve(
  { endpoint, handler }: Served,
  request: WireRequest,
  runtime: Runtime,
  log: FastifyBaseLogger,
  held: HeldCalls,
): Promise<Answer> {
  const started = performance.now();
  const { store, clock, faults } = runtime;
  // Unreadable, the database fails the call's transaction too: that answers the caller.
  const view = store.shared
    ? await syncSharedView(store, clock).catch(() => UNREAD_VIEW)
    : { mayFire: faults.mayFire(endpoint.name), limitsStamp: undefined };
  const mayFire = view.mayFire;
  const now = runtime.clock.now();
  const rid = newRid(Math.floor(now / 1000));
  let version = runtime.store.version;
  const outcome: Outcome = { body: {}, subject: request.query.appid ?? null };
  let errcode = 0;
  let hit: FaultHit | undefined;
  try {
    if (mayFire) {
      hit = await runtime.faults.take(endpoint.name, (tx) => accountOfCall(tx, endpoint, request));
      // Taking a rule is not a change of the state the call is about.
      version = runtime.store.version;
    }
    if (hit?.latencyMs) await held.delay(hit.latencyMs);
    if (hit?.effect && !hit.afterCommit) {
      outcome.subject = hit.appid ?? outcome.subject;
      fail('errcode' in hit.effect ? hit.effect.errcode : -1);
    }
    const limitsStamp = view.limitsStamp;
    await run(endpoint, handler, request, runtime, {
      now: hit ? runtime.clock.now() : now,
      outcome,
      limitsStamp,
    });
  } catch (error) {
    const wxError = error instanceof WxError ? error : new WxError(-1);
    if (!(error instanceof WxError)) log.error({ err: error, rid }, 'unexpected failure');
    errcode = wxError.errcode;
    outcome.body = errorBody(wxError, rid);
  }
  const entry: JournalEntry = {
    time: Math.floor(now / 1000),
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    endpoint: endpoint.name,
    appid: outcome.subject,
    errcode,
    rid,
  };
  if (hit) entry.fault = faultMark(hit);
  runtime.journal.record(entry, request.query, request.body, outcome.body);
  const { events } = runtime;
  if (events.listening) {
    events.publish({ type: 'call', data: entry });
    if (runtime.store.version !== version) events.publish({ type: 'state', data: { cause: endpoint.name } });
  }
  const answer = answerOf(hit, outcome.body, rid);
  if (!answer.fault && isError(answer.body)) {
    const costMs = Math.round(performance.now() - started);
    keepError(runtime, { endpoint, request, body: answer.body, rid, time: entry.time, costMs });
  }
  return answer;
}

function isError(body: object): body is { errcode: number } {
  return 'errcode' in body && body.errcode !== 0;
}

/** An error answer and the call it answered. */
interface Answered {
  endpoint: EndpointDef;
  request: WireRequest;
  body: object;
  rid: string;
  /** Unix seconds of the call. */
  time: number;
  costMs: number;
}

/** Keeps an error answer for rid/get (docs/quota.md §4). */
function keepError(runtime: Runtime, answered: Answered): void {
  const { endpoint, request, body, rid } = answered;
  const query = request.url.indexOf('?');
  const answer = {
    rid,
    invokeTime: answered.time,
    costMs: answered.costMs,
    requestUrl: query === -1 ? '' : request.url.slice(query + 1),
    requestBody: request.body.bytes === null ? '' : request.body.bytes.toString('utf8'),
    responseBody: JSON.stringify(body),
    clientIp: request.ip,
  };
  const call = { endpoint, query: request.query, fields: bodyFields(request.body) };
  runtime.meter.keepError(answer, call);
}

/**
 * The answer the caller gets: the call's own, or the effect of the rule that fired (an errcode sent after the
 * commit is a new envelope; a call the fault stopped already holds its errcode's).
 */
function answerOf(hit: FaultHit | undefined, body: object, rid: string): Answer {
  const effect = hit?.effect;
  if (!effect) return { body };
  if (!('errcode' in effect)) return { body, fault: effect };
  return hit.afterCommit ? { body: errorBody(new WxError(effect.errcode), rid) } : { body };
}

/**
 * The account a call is made for, as a rule's `appid` matches it (docs/faults.md §2): the holder of its token,
 * or the `appid` (`component_appid`) it asks a token for.
 */
function accountOfCall(tx: Tx, endpoint: EndpointDef, request: WireRequest): Promise<string | null> {
  if (endpoint.token !== 'none') return tokenHolder(tx, endpoint, request.query);
  return Promise.resolve(requestAppid({ ...bodyFields(request.body), ...request.query }));
}

interface RunContext {
  now: number;
  outcome: Outcome;
  /** In shared mode, the API limits' stamp read before the call (`undefined`: not read). */
  limitsStamp: string | null | undefined;
}

/** A shared view the database did not give: the call's transaction fails too, and answers the caller. */
const UNREAD_VIEW = { mayFire: false, limitsStamp: undefined };

/**
 * Token checks, body and handler in one transaction, then the pushes it asked for. With `--verify-http` a
 * run that used a URL not fetched yet is rolled back and run again once the URL is fetched, outside the
 * transaction (docs/web.md §3).
 */
async function run(
  endpoint: EndpointDef,
  handler: Handler<EndpointName>,
  request: WireRequest,
  runtime: Runtime,
  { now, outcome, limitsStamp }: RunContext,
): Promise<void> {
  const web = runtime.webFetcher && new WebReads(runtime.webFetcher);
  for (let runs = 1; ; runs++) {
    let effects = new AfterCommit(runtime.pusher);
    let charged: string | null = null;
    let counted = false;
    try {
      outcome.body = await runtime.store.transaction(async (tx) => {
        // A run again after a conflict asks for its pushes again.
        effects = new AfterCommit(runtime.pusher);
        if (endpoint.requirePost && request.method !== 'POST') fail(43002);
        // A cached caller and a counter not enforced come at once: no turn of promises on the hot path.
        const resolving = runtime.callers.resolve(tx, endpoint, request.query, now, request.ip);
        const caller = resolving instanceof Promise ? await resolving : resolving;
        outcome.subject = callerAppid(caller) ?? outcome.subject;
        // Not a spread of the scope: see successBody.
        const call: Call<EndpointName> = Object.assign(scopeOf(tx, now, effects, runtime.meter), {
          caller,
          ip: request.ip,
          liveWeb: web,
          request: readRequest(endpoint, request) as Call<EndpointName>['request'],
        });
        outcome.subject ??= requestAppid(call.request);
        const payload = await handler(call);
        if (web?.incomplete) throw READ_THE_WEB;
        // The daily call quota is the last check, made once the call is known to succeed.
        charged = runtime.meter.chargedFor({ endpoint, caller, request: call.request });
        const charging =
          charged !== null && runtime.meter.charge(tx, charged, endpoint.path, now, limitsStamp);
        counted = charging instanceof Promise ? await charging : charging;
        if (effects.asked) await effects.save(tx);
        return successBody(endpoint, payload, call.successMessage);
      });
      if (charged !== null && !counted) runtime.meter.countLater(charged, endpoint.path, now);
      if (effects.asked) await effects.run();
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
 * query lacks it, as clear_quota/v2 does on POST; a POST endpoint called otherwise has an empty body.
 */
function readRequest(endpoint: EndpointDef, request: WireRequest) {
  if (endpoint.method === 'GET' || endpoint.queryOrBody) {
    const fields = endpoint.queryOrBody ? { ...bodyFields(request.body), ...request.query } : request.query;
    return coerceObject(endpoint.request, fields);
  }
  const raw = request.method === 'POST' ? request.body : asRawBody(undefined);
  return readJsonBody(endpoint, raw);
}

/** The fields of a JSON object body; nothing when there is none or it is not one. */
function bodyFields(body: RawBody): Record<string, unknown> {
  try {
    const value = parseJson(body);
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
