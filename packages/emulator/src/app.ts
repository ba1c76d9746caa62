import { readFileSync } from 'node:fs';
import { controlSchemas } from '@wxlocal/api';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { CallerCache, handlers } from './areas/index.js';
import { ApiMeter } from './areas/quota/index.js';
import { Clock } from './clock.js';
import { ControlAccess } from './control/access.js';
import { parseBody } from './control/body.js';
import { registerControlPlane } from './control/routes.js';
import { Snapshots } from './control/snapshots.js';
import { ControlError } from './core/index.js';
import { Events } from './events.js';
import { registerRawBodyParser } from './http/body.js';
import { registerConsole } from './http/console.js';
import { type DataPlane, registerDataPlane } from './http/data-plane.js';
import { Faults } from './http/faults.js';
import { Journal, RingRecords } from './http/journal.js';
import { TableRecords } from './http/journal-table.js';
import { WebFetcher } from './http/live-web.js';
import { failureAnswer } from './http/respond.js';
import { limitedServer, TRANSPORT_DEFAULTS, type TransportLimits } from './http/server.js';
import { registerAuthorizationPage } from './pages/authorization-page.js';
import { Pusher } from './push/pusher.js';
import { type Runtime, startHousekeeping } from './runtime.js';
import { readClockOffset, syncClock } from './store/clock-offset.js';
import { openStore, type StoreOptions } from './store/index.js';

export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

/**
 * How domain verification reads the web (docs/web.md): the control plane's registry by default, or real
 * fetches (`verifyHttp`), through `hostMap` when a local server stands in for a host.
 */
export interface WebOptions {
  verifyHttp?: boolean;
  /** host → base URL that serves it instead, e.g. `www.example.com` → `http://127.0.0.1:9000`. */
  hostMap?: Record<string, string>;
}

/** Calls the request journal keeps by default. */
const JOURNAL_SIZE = 1000;

export interface EmulatorOptions extends StoreOptions, WebOptions {
  /** pino level; "silent" by default so tests stay quiet. */
  logLevel?: string;
  journalSize?: number;
  /** How long a push waits for the receiver's answer (ms). */
  pushTimeoutMs?: number;
  /** The control plane's token when bound to a non-loopback address; generated when absent. */
  adminToken?: string;
  /** Timeouts and the per-client connection cap; defaults in TRANSPORT_DEFAULTS. */
  transport?: TransportLimits;
  /** The built web console's folder; by default `dist/ui/` of this package (from here or from the bundle). */
  consoleDir?: URL;
  /**
   * `enforce`: every API's daily counter answers 45009 at its limit; by default only `/cgi-bin/token`,
   * `stable_token` and `clear_quota` do, and those the control plane sets a limit on (docs/quota.md §1).
   */
  apiQuota?: 'report' | 'enforce';
}

export interface Emulator {
  app: FastifyInstance;
  runtime: Runtime;
  /** Starts listening and returns the base URL. */
  listen(port: number, host: string): Promise<string>;
  /** The token the control plane requires, once bound to a non-loopback address. */
  readonly adminToken: string | undefined;
  /** Replaces the whole state with a document from `GET /_wxlocal/state`. */
  importState(document: unknown): Promise<void>;
  close(): Promise<void>;
}

function noSchemas(): never {
  throw new Error('routes here declare no Fastify schema');
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = await openStore(options);
  const clock = new Clock(await readClockOffset(store.db));

  const transport = { ...TRANSPORT_DEFAULTS, ...options.transport };
  let dataPlane: DataPlane | undefined;
  const app = Fastify({
    serverFactory: limitedServer(
      transport,
      (request, response) => dataPlane?.direct(request, response) ?? false,
    ),
    keepAliveTimeout: transport.keepAliveTimeoutMs,
    requestTimeout: transport.requestTimeoutMs,
    logger: { level: options.logLevel ?? 'silent' },
    logController: new LogController({ disableRequestLogging: true }),
    // A path the router cannot decode (`%zz`) or a path parameter over its length limit names nothing here:
    // answered like any unknown path rather than with Fastify's own 400 / 414 body.
    frameworkErrors: (_error, _request, reply: FastifyReply) => reply.code(404).send({ error: 'not found' }),
    // No route declares a Fastify schema (bodies are read by WeChat's own rules, see http/body.ts), so the
    // default compilers, whose loading costs tens of milliseconds at every start, are left out.
    schemaController: { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } },
  });
  const events = new Events();
  const pusher = new Pusher(store, clock, app.log, events, { timeoutMs: options.pushTimeoutMs });
  pusher.start();
  const faults = new Faults(store);
  await faults.reload();
  const runtime: Runtime = {
    store,
    clock,
    journal: new Journal(
      store.shared
        ? new TableRecords(store, clock, options.journalSize ?? JOURNAL_SIZE)
        : new RingRecords(options.journalSize ?? JOURNAL_SIZE),
    ),
    pusher,
    faults,
    events,
    callers: new CallerCache(() => (store.shared ? undefined : store.version)),
    meter: new ApiMeter(store, options.apiQuota === 'enforce'),
    webFetcher: options.verifyHttp ? new WebFetcher(options.hostMap) : undefined,
  };
  // The control plane and the authorization page see the clock another instance may have moved.
  if (store.shared) app.addHook('onRequest', () => syncClock(store, clock).catch(() => {}));
  const access = new ControlAccess(options.adminToken);
  // First: a browser opening the base URL is sent to the console before any access check.
  registerConsole(app, options.consoleDir ?? new URL('../dist/ui/', import.meta.url));
  access.register(app);
  registerRawBodyParser(app);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' }));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ControlError) return reply.code(error.status).send({ error: error.message });
    if (error.statusCode && error.statusCode < 500)
      return reply.code(error.statusCode).send({ error: error.message });
    const { status, body } = failureAnswer(store.problem());
    if (status === 500) request.log.error({ err: error }, 'unexpected failure');
    return reply.code(status).send(body);
  });
  dataPlane = registerDataPlane(app, runtime, handlers);
  const snapshots = new Snapshots(runtime);
  registerControlPlane(app, runtime, version, snapshots);
  registerAuthorizationPage(app, runtime);
  await app.ready();
  const stopHousekeeping = startHousekeeping(runtime, (error) =>
    app.log.error({ err: error }, 'housekeeping failed'),
  );

  return {
    app,
    runtime,
    get adminToken() {
      return access.adminToken;
    },
    async importState(document) {
      await snapshots.importState(parseBody(controlSchemas.StateDocument, document));
    },
    async listen(port, host) {
      access.bind(host);
      await app.listen({ port, host });
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
    },
    async close() {
      stopHousekeeping();
      dataPlane?.stop();
      pusher.close();
      await app.close();
      await runtime.journal.flush().catch(() => {});
      await runtime.meter.flush().catch(() => {});
      await store.close();
    },
  };
}
