import type { Static } from '@sinclair/typebox';
import {
  type AccountRow,
  accountView,
  createAccount,
  findAccount,
  listAccounts,
  updateAccount,
} from '../areas/accounts/accounts.js';
import {
  createPlatform,
  findPlatform,
  listPlatforms,
  type PlatformRow,
  platformView,
  updatePlatform,
} from '../areas/accounts/platforms.js';
import { publishHooks, releaseHooks } from '../areas/index.js';
import {
  type AuthorizationRow,
  authorize,
  findAuthorization,
  funcInfoView,
  grantedSets,
  listAuthorizations,
  revoke,
} from '../areas/tokens/authorizations.js';
import { secondsLeft } from '../areas/tokens/token-slots.js';
import { currentTicket } from '../areas/tokens/verify-tickets.js';
import type { Runtime } from '../runtime.js';
import type { Db } from '../store/index.js';
import { ControlError } from './control-error.js';
import type {
  AccountPatchBody,
  AuthorizationBody,
  NewAccountBody,
  NewPlatformBody,
  PlatformPatchBody,
} from './schemas.js';

/** What the control plane can do, shared by its HTTP routes and by seeding. */
export function operations({ store, clock }: Runtime) {
  const seconds = (ms: number) => Math.floor(ms / 1000);

  async function platformWithTicket(db: Db, platform: PlatformRow) {
    const ticket = await currentTicket(db, platform.appid, clock.now());
    return {
      ...platformView(platform),
      verify_ticket: ticket.ticket,
      verify_ticket_expires_at: seconds(ticket.expires_at),
    };
  }

  async function platformOr404(db: Db, appid: string): Promise<PlatformRow> {
    const platform = await findPlatform(db, appid);
    if (!platform) throw new ControlError(404, `platform ${appid} not found`);
    return platform;
  }

  async function accountOr404(db: Db, appid: string): Promise<AccountRow> {
    const account = await findAccount(db, appid);
    if (!account) throw new ControlError(404, `account ${appid} not found`);
    return account;
  }

  async function assertAppidFree(db: Db, appid: string | undefined): Promise<void> {
    if (appid && ((await findPlatform(db, appid)) || (await findAccount(db, appid)))) {
      throw new ControlError(409, `appid ${appid} is already taken`);
    }
  }

  function authorizationView(row: AuthorizationRow) {
    return {
      component_appid: row.component_appid,
      authorizer_appid: row.authorizer_appid,
      status: row.status,
      func_info: grantedSets(row),
      authorizer_refresh_token: row.status === 'active' ? row.refresh_token : null,
      authorized_at: seconds(row.authorized_at),
      updated_at: seconds(row.updated_at),
    };
  }

  return {
    createPlatform: (body: Static<typeof NewPlatformBody>) =>
      store.transaction(async (tx) => {
        await assertAppidFree(tx, body.appid);
        return platformWithTicket(tx, await createPlatform(tx, body, clock.now()));
      }),

    listPlatforms: () =>
      store.transaction(async (tx) =>
        Promise.all((await listPlatforms(tx)).map((platform) => platformWithTicket(tx, platform))),
      ),

    getPlatform: (appid: string) =>
      store.transaction(async (tx) => platformWithTicket(tx, await platformOr404(tx, appid))),

    /** `published: true` is a publish (全网发布), each time it is sent. */
    patchPlatform: (appid: string, body: Static<typeof PlatformPatchBody>) =>
      store.transaction(async (tx) => {
        const platform = await updatePlatform(tx, await platformOr404(tx, appid), body);
        if (body.published) for (const hook of publishHooks) await hook(tx, platform.appid);
        return platformWithTicket(tx, platform);
      }),

    currentTicket: (appid: string) =>
      store.transaction(async (tx) => {
        const ticket = await currentTicket(tx, (await platformOr404(tx, appid)).appid, clock.now());
        return { verify_ticket: ticket.ticket, expires_at: seconds(ticket.expires_at) };
      }),

    createAccount: (body: Static<typeof NewAccountBody>) =>
      store.transaction(async (tx) => {
        await assertAppidFree(tx, body.appid);
        if (body.service_type && body.type !== 'official_account') {
          throw new ControlError(400, 'invalid body: service_type applies to Official Accounts only');
        }
        return accountView(await createAccount(tx, body, clock.now()));
      }),

    listAccounts: () => store.transaction(async (tx) => (await listAccounts(tx)).map(accountView)),

    getAccount: (appid: string) =>
      store.transaction(async (tx) => accountView(await accountOr404(tx, appid))),

    patchAccount: (appid: string, body: Static<typeof AccountPatchBody>) =>
      store.transaction(async (tx) =>
        accountView(await updateAccount(tx, await accountOr404(tx, appid), body)),
      ),

    /** A code release of the Mini Program. */
    release: (appid: string) =>
      store.transaction(async (tx) => {
        const account = await accountOr404(tx, appid);
        if (account.type !== 'miniprogram') throw new ControlError(400, `${appid} is not a Mini Program`);
        const released = await updateAccount(tx, account, { code_released: true });
        for (const hook of releaseHooks) await hook(tx, released, clock.now());
        return accountView(released);
      }),

    authorize: (body: Static<typeof AuthorizationBody>) =>
      store.transaction(async (tx) => {
        await platformOr404(tx, body.component_appid);
        await accountOr404(tx, body.authorizer_appid);
        const now = clock.now();
        const result = await authorize(tx, body.component_appid, body.authorizer_appid, body.func_info, now);
        return {
          authorization_code: result.authorizationCode,
          authorization_code_expires_at: seconds(result.codeExpiresAt),
          authorizer_access_token: result.accessToken.token,
          authorizer_refresh_token: result.authorization.refresh_token,
          expires_in: secondsLeft(result.accessToken, now),
          func_info: funcInfoView(grantedSets(result.authorization)),
          ...(result.withheld.length > 0 ? { withheld_func_info: result.withheld } : {}),
        };
      }),

    listAuthorizations: () =>
      store.transaction(async (tx) => (await listAuthorizations(tx)).map(authorizationView)),

    revoke: (componentAppid: string, authorizerAppid: string) =>
      store.transaction(async (tx) => {
        const row = await findAuthorization(tx, componentAppid, authorizerAppid);
        if (!row) throw new ControlError(404, `no authorization of ${componentAppid} by ${authorizerAppid}`);
        return authorizationView(await revoke(tx, row, clock.now()));
      }),
  };
}

export type Operations = ReturnType<typeof operations>;
