import type { ControlBodyOf } from '@wxlocal/api';
import { ControlError, type ControlHandlers, type Scope } from '../../core/index.js';
import type { AccountRow, Db, PlatformRow } from '../../store/index.js';
import { publishDomainPools } from '../server-domain/store.js';
import { currentTicket } from '../tokens/verify-tickets.js';
import {
  createAccount,
  createPlatform,
  findAccount,
  findAccountByUserName,
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
    verify_ticket_issued_at: Math.floor(ticket.issued_at / 1000),
    verify_ticket_expires_at: Math.floor(ticket.expires_at / 1000),
  };
}

/** A platform with an authorization-event URL gets its current ticket pushed at once. */
export async function addPlatform(scope: Scope, body: ControlBodyOf<'platforms.create'>) {
  await assertAppidFree(scope.tx, body.appid);
  const view = await platformWithTicket(scope, await createPlatform(scope.tx, body, scope.now));
  scope.pushDueTickets();
  return view;
}

/** `published: true` is a publish (全网发布), each time it is sent: the testing domain pools go in force. */
export async function changePlatform(scope: Scope, appid: string, body: ControlBodyOf<'platforms.patch'>) {
  const platform = await updatePlatform(scope.tx, await requirePlatform(scope.tx, appid), body);
  if (body.published) await publishDomainPools(scope.tx, platform.appid);
  const view = await platformWithTicket(scope, platform);
  scope.pushDueTickets();
  return view;
}

export async function addAccount({ tx, now }: Scope, body: ControlBodyOf<'accounts.create'>) {
  await assertAppidFree(tx, body.appid);
  if (body.original_id && (await findAccountByUserName(tx, body.original_id))) {
    throw new ControlError(409, `original_id ${body.original_id} is already taken`);
  }
  if (body.service_type && body.type !== 'official_account') {
    throw new ControlError(400, 'invalid body: service_type applies to Official Accounts only');
  }
  return accountView(await createAccount(tx, body, now));
}

export const accountControl = {
  async 'platforms.list'(request) {
    const views = [];
    for (const platform of await listPlatforms(request.tx))
      views.push(await platformWithTicket(request, platform));
    return { platforms: views };
  },
  'platforms.create': (request) => addPlatform(request, request.body),
  'platforms.get': async (request) =>
    platformWithTicket(request, await requirePlatform(request.tx, request.params.appid ?? '')),
  'platforms.patch': (request) => changePlatform(request, request.params.appid ?? '', request.body),
  'accounts.list': async ({ tx }) => ({ accounts: (await listAccounts(tx)).map(accountView) }),
  'accounts.create': (request) => addAccount(request, request.body),
  'accounts.get': async ({ tx, params }) => accountView(await requireAccount(tx, params.appid ?? '')),
  'accounts.patch': async ({ tx, params, body }) =>
    accountView(await updateAccount(tx, await requireAccount(tx, params.appid ?? ''), body)),
} satisfies Partial<ControlHandlers>;
