import type { Static } from '@sinclair/typebox';
import {
  ControlError,
  type ControlRequest,
  type ControlRoute,
  controlRoute,
  type Scope,
} from '../../core/index.js';
import type { AccountRow, Db, PlatformRow } from '../../store/index.js';
import { publishDomainPools } from '../server-domain/store.js';
import { currentTicket } from '../tokens/verify-tickets.js';
import { AccountPatchBody, NewAccountBody, NewPlatformBody, PlatformPatchBody } from './schemas.js';
import {
  createAccount,
  createPlatform,
  findAccount,
  findPlatform,
  listAccounts,
  listPlatforms,
  updateAccount,
  updatePlatform,
} from './store.js';
import { accountView, platformView } from './views.js';

/** WeChat's operators and the account owners: they create platforms and accounts and change their settings. */

export async function requirePlatform(db: Db, appid: string): Promise<PlatformRow> {
  const platform = await findPlatform(db, appid);
  if (!platform) throw new ControlError(404, `platform ${appid} not found`);
  return platform;
}

export async function requireAccount(db: Db, appid: string): Promise<AccountRow> {
  const account = await findAccount(db, appid);
  if (!account) throw new ControlError(404, `account ${appid} not found`);
  return account;
}

export async function requireMiniProgram(db: Db, appid: string): Promise<AccountRow> {
  const account = await requireAccount(db, appid);
  if (account.type !== 'miniprogram') throw new ControlError(400, `${appid} is not a Mini Program`);
  return account;
}

async function assertAppidFree(db: Db, appid: string | undefined): Promise<void> {
  if (appid && ((await findPlatform(db, appid)) || (await findAccount(db, appid)))) {
    throw new ControlError(409, `appid ${appid} is already taken`);
  }
}

async function platformWithTicket({ tx, now }: Scope, platform: PlatformRow) {
  const ticket = await currentTicket(tx, platform.appid, now);
  return {
    ...platformView(platform),
    verify_ticket: ticket.ticket,
    verify_ticket_expires_at: Math.floor(ticket.expires_at / 1000),
  };
}

/** A platform with an authorization-event URL gets its current ticket pushed at once. */
export async function addPlatform(scope: Scope, body: Static<typeof NewPlatformBody>) {
  await assertAppidFree(scope.tx, body.appid);
  const view = await platformWithTicket(scope, await createPlatform(scope.tx, body, scope.now));
  scope.pushDueTickets();
  return view;
}

/** `published: true` is a publish (全网发布), each time it is sent: the testing domain pools go in force. */
export async function changePlatform(scope: Scope, appid: string, body: Static<typeof PlatformPatchBody>) {
  const platform = await updatePlatform(scope.tx, await requirePlatform(scope.tx, appid), body);
  if (body.published) await publishDomainPools(scope.tx, platform.appid);
  const view = await platformWithTicket(scope, platform);
  scope.pushDueTickets();
  return view;
}

export async function addAccount({ tx, now }: Scope, body: Static<typeof NewAccountBody>) {
  await assertAppidFree(tx, body.appid);
  if (body.service_type && body.type !== 'official_account') {
    throw new ControlError(400, 'invalid body: service_type applies to Official Accounts only');
  }
  return accountView(await createAccount(tx, body, now));
}

const appidOf = (request: ControlRequest) => request.params.appid ?? '';

export const accountControl: ControlRoute[] = [
  controlRoute({
    method: 'GET',
    path: '/platforms',
    async handle(request) {
      const platforms = await listPlatforms(request.tx);
      const views = [];
      for (const platform of platforms) views.push(await platformWithTicket(request, platform));
      return { platforms: views };
    },
  }),
  controlRoute({
    method: 'POST',
    path: '/platforms',
    body: NewPlatformBody,
    status: 201,
    handle: (request) => addPlatform(request, request.body),
  }),
  controlRoute({
    method: 'GET',
    path: '/platforms/:appid',
    handle: async (request) =>
      platformWithTicket(request, await requirePlatform(request.tx, appidOf(request))),
  }),
  controlRoute({
    method: 'PATCH',
    path: '/platforms/:appid',
    body: PlatformPatchBody,
    handle: (request) => changePlatform(request, appidOf(request), request.body),
  }),
  controlRoute({
    method: 'GET',
    path: '/accounts',
    handle: async ({ tx }) => ({ accounts: (await listAccounts(tx)).map(accountView) }),
  }),
  controlRoute({
    method: 'POST',
    path: '/accounts',
    body: NewAccountBody,
    status: 201,
    handle: (request) => addAccount(request, request.body),
  }),
  controlRoute({
    method: 'GET',
    path: '/accounts/:appid',
    handle: async (request) => accountView(await requireAccount(request.tx, appidOf(request))),
  }),
  controlRoute({
    method: 'PATCH',
    path: '/accounts/:appid',
    body: AccountPatchBody,
    handle: async (request) =>
      accountView(
        await updateAccount(request.tx, await requireAccount(request.tx, appidOf(request)), request.body),
      ),
  }),
];
