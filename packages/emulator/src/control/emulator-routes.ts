import { type ControlBodyOf, type ControlResponseOf, controlRouteList } from '@wxlocal/api';
import { EMULATED_TIME } from '../clock.js';
import { ControlError, type RuntimeControlName } from '../core/index.js';
import type { JournalFilter } from '../http/journal.js';
import { moveClock, type Runtime, settleDueWork } from '../runtime.js';
import { endpointNamed, faultRuleOf } from './fault-rule.js';
import type { Snapshots } from './snapshots.js';

/** A route about the emulator itself: it gets the request, not a transaction. */
export interface EmulatorRequest<N extends RuntimeControlName> {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: ControlBodyOf<N>;
}
type EmulatorHandlers = {
  [N in RuntimeControlName]: (request: EmulatorRequest<N>) => Promise<ControlResponseOf<N>>;
};

const OUT_OF_RANGE = `the emulated time must stay between ${EMULATED_TIME.min} (2000-01-01) and ${EMULATED_TIME.max} (2099-12-31); advance may be negative`;

/** The index, health, reset, the clock, the request and push logs, faults, snapshots, the state document. */
export function emulatorRoutes(runtime: Runtime, version: string, snapshots: Snapshots): EmulatorHandlers {
  const { store, clock, journal, pusher, faults } = runtime;
  const index = { wxlocal: version, routes: controlIndex() };
  return {
    index: async () => index,
    async health() {
      const reason = store.problem();
      const status = reason ? { status: 'degraded' as const, reason } : { status: 'ok' as const };
      return { ...status, version, store: store.kind, now: clock.nowSeconds() };
    },
    async reset() {
      runtime.meter.forgetAll();
      await store.wipe();
      runtime.meter.forgetAll();
      clock.setOffset(0);
      await journal.clear();
      await faults.reload();
      return { status: 'ok', now: clock.nowSeconds() };
    },
    'clock.now': async () => ({ now: clock.nowSeconds() }),
    async 'clock.move'({ body }) {
      const offset = 'advance' in body ? clock.offsetAfterAdvance(body.advance) : clock.offsetAt(body.set);
      if (!clock.allows(offset)) throw new ControlError(400, OUT_OF_RANGE);
      await moveClock(runtime, offset);
      // Decisions and pushes that fell due while time moved happen now.
      await settleDueWork(runtime);
      await pusher.pushDueTickets();
      return { now: clock.nowSeconds() };
    },
    'requests.list': async ({ query }) => ({
      requests: await journal.recent(limitOf(query), journalFilter(query)),
    }),
    async 'requests.get'({ params }) {
      const call = await journal.find(params.rid ?? '');
      if (!call) throw new ControlError(404, 'not found');
      return call;
    },
    'pushes.list': async ({ query }) => ({ pushes: await pusher.records(limitOf(query)) }),
    'faults.list': async () => ({ faults: await faults.list() }),
    'faults.inject': async ({ body }) => faults.arm(faultRuleOf(body), clock.now()),
    async 'faults.clear'({ query }) {
      const endpoint = textOf(query, 'endpoint');
      const named = endpoint === undefined || endpoint === '*' ? endpoint : endpointNamed(endpoint);
      return { faults: await faults.clear(named) };
    },
    async 'faults.remove'({ params }) {
      const rule = await faults.remove(params.id ?? '');
      if (!rule) throw new ControlError(404, `no fault rule ${params.id}`);
      return rule;
    },
    'snapshots.take': () => snapshots.take(),
    'snapshots.list': async () => snapshots.list(),
    'snapshots.restore': ({ params }) => snapshots.restore(params.id ?? ''),
    'snapshots.drop': async ({ params }) => snapshots.drop(params.id ?? ''),
    'state.export': () => snapshots.exportState(),
    'state.import': ({ body }) => snapshots.importState(body),
  };
}

/** The control plane's routes as the README table shows them (where `\|` is a table's escaped `|`). */
function controlIndex(): ControlResponseOf<'index'>['routes'] {
  const text = (cell: string) => cell.replaceAll('\\|', '|');
  return controlRouteList.map(([, { method, path, doc }]) => ({
    call: `${method} /_wxlocal${path}${text(doc.query ?? '')}`,
    ...(doc.body === undefined ? {} : { body: text(doc.body) }),
    returns: text(doc.returns),
  }));
}

/** A query parameter as text: the first when repeated. */
function textOf(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  return typeof text === 'string' ? text : undefined;
}

function limitOf(query: Record<string, unknown>): number {
  const text = textOf(query, 'limit');
  if (text === undefined) return 100;
  const limit = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1)) throw new ControlError(400, 'limit must be a positive integer');
  return limit;
}

function journalFilter(query: Record<string, unknown>): JournalFilter {
  const errcode = textOf(query, 'errcode');
  if (errcode !== undefined && !/^-?\d{1,9}$/.test(errcode)) {
    throw new ControlError(400, 'errcode must be an integer');
  }
  return {
    appid: textOf(query, 'appid'),
    endpoint: textOf(query, 'endpoint'),
    errcode: errcode === undefined ? undefined : Number(errcode),
    rid: textOf(query, 'rid'),
  };
}
