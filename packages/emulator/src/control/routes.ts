import type { FastifyInstance } from 'fastify';
import { controlRoutes } from '../areas/index.js';
import { EMULATED_TIME, inEmulatedTime } from '../clock.js';
import { ControlError, type ControlRoute } from '../core/index.js';
import { moveClock, type Runtime, transact } from '../runtime.js';
import { CONTROL_PREFIX } from './access.js';
import { ClockBody, parseBody, readJson } from './body.js';
import { registerFaultControl } from './faults.js';

const OUT_OF_RANGE = `the emulated time must stay between ${EMULATED_TIME.min} (2000-01-01) and ${EMULATED_TIME.max} (2099-12-31); advance may be negative`;

/**
 * The control plane (README "Control plane"): plays every party that is not the caller. The areas declare
 * their routes; the emulator-wide ones (health, reset, clock, request and push logs, faults) live here.
 */
export function registerControlPlane(app: FastifyInstance, runtime: Runtime, version: string): void {
  const { store, clock, journal, pusher } = runtime;
  app.register(
    async (cp) => {
      cp.get('/health', async () => {
        const reason = store.problem();
        const status = reason ? { status: 'degraded', reason } : { status: 'ok' };
        return { ...status, version, store: store.kind, now: clock.nowSeconds() };
      });

      cp.post('/reset', async () => {
        await store.wipe();
        clock.setOffset(0);
        journal.clear();
        pusher.records.clear();
        runtime.faults.clear();
        return { status: 'ok', now: clock.nowSeconds() };
      });

      cp.get('/clock', async () => ({ now: clock.nowSeconds() }));
      cp.post('/clock', async (request) => {
        const body = parseBody(ClockBody, readJson(request));
        const offset = 'advance' in body ? clock.offsetAfterAdvance(body.advance) : clock.offsetAt(body.set);
        if (!inEmulatedTime(Date.now() + offset)) throw new ControlError(400, OUT_OF_RANGE);
        await moveClock(runtime, offset);
        // Pushes that fell due while time moved go out now.
        await pusher.pushDueTickets();
        return { now: clock.nowSeconds() };
      });

      cp.get('/requests', async (request) => ({ requests: journal.recent(limitOf(request.query)) }));
      cp.get('/pushes', async (request) => ({ pushes: pusher.records.recent(limitOf(request.query)) }));
      registerFaultControl(cp, runtime);

      for (const route of controlRoutes) mount(cp, runtime, route);
    },
    { prefix: CONTROL_PREFIX },
  );
}

/** An area's route: its body checked, its work in one transaction, its pushes after the commit. */
function mount(cp: FastifyInstance, runtime: Runtime, route: ControlRoute): void {
  cp.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      const body = route.body ? parseBody(route.body, readJson(request)) : undefined;
      const params = request.params as Record<string, string>;
      const query = request.query as Record<string, unknown>;
      const result = await transact(runtime, (scope) => route.handle({ ...scope, params, query, body }));
      return reply.code(route.status ?? 200).send(result);
    },
  });
}

function limitOf(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.limit;
  if (raw === undefined) return 100;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const limit = typeof text === 'string' && /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1)) throw new ControlError(400, 'limit must be a positive integer');
  return limit;
}
