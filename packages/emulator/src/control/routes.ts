import { type ControlName, controlRouteList, controlRoutes } from '@wxlocal/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { controlHandlers } from '../areas/index.js';
import type { AreaControlName, ControlHandler, RuntimeControlName } from '../core/index.js';
import { registerEventStream } from '../http/events.js';
import { type Runtime, transact } from '../runtime.js';
import { CONTROL_PREFIX } from './access.js';
import { parseBody, readJson } from './body.js';
import { emulatorRoutes } from './emulator-routes.js';
import type { Snapshots } from './snapshots.js';

type Serve = (request: FastifyRequest, body: unknown) => Promise<unknown>;

/** The routes that answer JSON; the event stream is served on its own. */
const jsonRoutes = controlRouteList.filter(([name]) => name !== 'events');

/**
 * The catalogue's routes, compiled once for every emulator in the process: registering them with each
 * emulator's Fastify made every start pay for dozens of routes (README "Performance").
 */
const router = FindMyWay();
for (const [name, def] of jsonRoutes) router.on(def.method, CONTROL_PREFIX + def.path, () => {}, name);

/**
 * The control plane (README "Control plane"): every route of the catalogue in `@wxlocal/api`, served by the
 * area that owns it (in one transaction, its pushes after the commit) or, for the emulator's own routes
 * (health, reset, clock, logs, faults), here.
 */
export function registerControlPlane(
  app: FastifyInstance,
  runtime: Runtime,
  version: string,
  snapshots: Snapshots,
): void {
  const emulator = emulatorRoutes(runtime, version, snapshots) as Record<
    RuntimeControlName,
    (request: unknown) => Promise<unknown>
  >;
  const serveOf = (name: ControlName): Serve => {
    if (name in emulator) {
      return (request, body) =>
        emulator[name as RuntimeControlName]({ params: request.params, query: request.query, body });
    }
    const handler = controlHandlers[name as AreaControlName] as ControlHandler<AreaControlName>;
    return (request, body) =>
      transact(runtime, (scope) =>
        handler({
          ...scope,
          params: request.params as Record<string, string>,
          query: request.query as Record<string, unknown>,
          body: body as never,
        }),
      );
  };
  const routes = new Map(jsonRoutes.map(([name, def]) => [name, { def, serve: serveOf(name) }]));
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: `${CONTROL_PREFIX}/*`,
    handler: async (request, reply) => {
      const found = router.find(request.method as HTTPMethod, request.url);
      const route = found && routes.get(found.store as ControlName);
      if (!found || !route) return reply.code(404).send({ error: 'not found' });
      const { def, serve } = route;
      const body = def.body ? parseBody(def.body, readJson(request)) : undefined;
      request.params = found.params;
      const clockOffset = runtime.clock.offset;
      const answer = await serve(request, body);
      if (def.method !== 'GET') announce(runtime, found.store as ControlName, clockOffset);
      return reply.code(def.status ?? 200).send(answer);
    },
  });
  registerEventStream(app, runtime.events, CONTROL_PREFIX + controlRoutes.events.path);
}

/** Tells the event stream what a control route that succeeded changed: the state, maybe the clock, or all. */
function announce({ events, clock }: Runtime, name: ControlName, clockOffsetBefore: number): void {
  if (!events.listening) return;
  if (name === 'reset') events.publish({ type: 'reset', data: {} });
  if (name === 'clock.move' || clock.offset !== clockOffsetBefore) {
    events.publish({ type: 'clock', data: { now: clock.nowSeconds() } });
  }
  events.publish({ type: 'state', data: { cause: name } });
}
