import { type ControlName, controlRouteList } from '@wxlocal/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { controlHandlers } from '../areas/index.js';
import type { AreaControlName, ControlHandler, RuntimeControlName } from '../core/index.js';
import { type Runtime, transact } from '../runtime.js';
import { CONTROL_PREFIX } from './access.js';
import { parseBody, readJson } from './body.js';
import { emulatorRoutes } from './emulator-routes.js';
import type { Snapshots } from './snapshots.js';

type Serve = (request: FastifyRequest, body: unknown) => Promise<unknown>;

/**
 * The catalogue's routes, compiled once for every emulator in the process: registering them with each
 * emulator's Fastify made every start pay for dozens of routes (README "Performance").
 */
const router = FindMyWay();
for (const [name, def] of controlRouteList) router.on(def.method, CONTROL_PREFIX + def.path, () => {}, name);

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
  const routes = new Map(controlRouteList.map(([name, def]) => [name, { def, serve: serveOf(name) }]));
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
      return reply.code(def.status ?? 200).send(await serve(request, body));
    },
  });
}
