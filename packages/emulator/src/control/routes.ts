import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';
import { ControlError } from './control-error.js';
import { registerFaultControl } from './faults.js';
import { registerLinkControl } from './links.js';
import { operations } from './operations.js';
import { registerQrcodeJumpControl } from './qrcode-jump.js';
import {
  AccountPatchBody,
  AuthorizationBody,
  ClockBody,
  NewAccountBody,
  NewPlatformBody,
  PlatformPatchBody,
  parseBody,
  readJson,
} from './schemas.js';
import { registerServerDomainControl } from './server-domain.js';
import { registerWebControl } from './web.js';
import { registerWebviewDomainControl } from './webview-domain.js';

export const CONTROL_PREFIX = '/_wxlocal';

type Params = Record<string, string>;

/** The control plane (DESIGN.md "Control plane contract"): plays every party that is not the caller. */
export function registerControlPlane(app: FastifyInstance, runtime: Runtime, version: string): void {
  const ops = operations(runtime);
  const { store, clock, journal } = runtime;
  const params = (request: FastifyRequest) => request.params as Params;
  const created = (reply: FastifyReply, body: unknown) => reply.code(201).send(body);

  app.register(
    async (cp) => {
      cp.get('/health', async () => ({ status: 'ok', version, store: store.kind, now: clock.nowSeconds() }));

      cp.post('/reset', async () => {
        await store.wipe();
        await clock.reset();
        journal.clear();
        runtime.pusher.records.clear();
        runtime.faults.clear();
        return { status: 'ok', now: clock.nowSeconds() };
      });

      cp.get('/platforms', async () => ({ platforms: await ops.listPlatforms() }));
      cp.post('/platforms', async (request, reply) =>
        created(reply, await ops.createPlatform(parseBody(NewPlatformBody, readJson(request)))),
      );
      cp.get('/platforms/:appid', async (request) => ops.getPlatform(params(request).appid ?? ''));
      cp.patch('/platforms/:appid', async (request) =>
        ops.patchPlatform(params(request).appid ?? '', parseBody(PlatformPatchBody, readJson(request))),
      );
      cp.get('/platforms/:appid/ticket', async (request) => ops.currentTicket(params(request).appid ?? ''));

      cp.get('/accounts', async () => ({ accounts: await ops.listAccounts() }));
      cp.post('/accounts', async (request, reply) =>
        created(reply, await ops.createAccount(parseBody(NewAccountBody, readJson(request)))),
      );
      cp.get('/accounts/:appid', async (request) => ops.getAccount(params(request).appid ?? ''));
      cp.patch('/accounts/:appid', async (request) =>
        ops.patchAccount(params(request).appid ?? '', parseBody(AccountPatchBody, readJson(request))),
      );
      cp.post('/accounts/:appid/release', async (request) => ops.release(params(request).appid ?? ''));

      cp.get('/authorizations', async () => ({ authorizations: await ops.listAuthorizations() }));
      cp.post('/authorizations', async (request, reply) =>
        created(reply, await ops.authorize(parseBody(AuthorizationBody, readJson(request)))),
      );
      cp.delete('/authorizations/:component_appid/:authorizer_appid', async (request) =>
        ops.revoke(params(request).component_appid ?? '', params(request).authorizer_appid ?? ''),
      );

      cp.get('/clock', async () => ({ now: clock.nowSeconds() }));
      cp.post('/clock', async (request) => {
        const body = parseBody(ClockBody, readJson(request));
        if ('advance' in body) await clock.advance(body.advance);
        else await clock.set(body.set);
        // Pushes that fell due while time moved go out now.
        await runtime.pusher.pushDueTickets();
        return { now: clock.nowSeconds() };
      });

      cp.get('/requests', async (request) => ({ requests: journal.recent(limitOf(request.query)) }));
      cp.get('/pushes', async (request) => ({
        pushes: runtime.pusher.records.recent(limitOf(request.query)),
      }));

      registerLinkControl(cp, runtime);
      registerWebControl(cp, runtime);
      registerServerDomainControl(cp, runtime);
      registerWebviewDomainControl(cp, runtime);
      registerQrcodeJumpControl(cp, runtime);
      registerFaultControl(cp, runtime);
    },
    { prefix: CONTROL_PREFIX },
  );
}

function limitOf(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.limit;
  if (raw === undefined) return 100;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const limit = typeof text === 'string' && /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1)) throw new ControlError(400, 'limit must be a positive integer');
  return limit;
}
