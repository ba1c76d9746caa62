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
import { authorizedEvent, unauthorizedEvent } from '../areas/tokens/events.js';
import { consumePreAuthCode, preAuthCodeProblem } from '../areas/tokens/pre-auth-codes.js';
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
export function operations({ store, clock, pusher }: Runtime) {
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

  async function spendPreAuthCode(db: Db, componentAppid: string, code: string, now: number): Promise<void> {
    const problem = await preAuthCodeProblem(db, componentAppid, code, now);
    if (problem) throw new ControlError(400, problem);
    await consumePreAuthCode(db, code, now);
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
    /** A platform with an authorization-event URL gets its current ticket pushed at once. */
    createPlatform: async (body: Static<typeof NewPlatformBody>) => {
      const view = await store.transaction(async (tx) => {
        await assertAppidFree(tx, body.appid);
        return platformWithTicket(tx, await createPlatform(tx, body, clock.now()));
      });
      await pusher.pushDueTickets();
      return view;
    },

    listPlatforms: () =>
      store.transaction(async (tx) =>
        Promise.all((await listPlatforms(tx)).map((platform) => platformWithTicket(tx, platform))),
      ),

    getPlatform: (appid: string) =>
      store.transaction(async (tx) => platformWithTicket(tx, await platformOr404(tx, appid))),

    /** `published: true` is a publish (全网发布), each time it is sent. */
    patchPlatform: async (appid: string, body: Static<typeof PlatformPatchBody>) => {
      const view = await store.transaction(async (tx) => {
        const platform = await updatePlatform(tx, await platformOr404(tx, appid), body);
        if (body.published) for (const hook of publishHooks) await hook(tx, platform.appid);
        return platformWithTicket(tx, platform);
      });
      await pusher.pushDueTickets();
      return view;
    },

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

    /**
     * The account admin authorizes the component (again), on the control plane or on the authorization page
     * (which spends a pre_auth_code); the `authorized` / `updateauthorized` event is pushed after commit.
     */
    authorize: async (body: Static<typeof AuthorizationBody>, preAuthCode?: string) => {
      const { view, event } = await store.transaction(async (tx) => {
        await platformOr404(tx, body.component_appid);
        await accountOr404(tx, body.authorizer_appid);
        const now = clock.now();
        if (preAuthCode !== undefined) await spendPreAuthCode(tx, body.component_appid, preAuthCode, now);
        const result = await authorize(tx, body.component_appid, body.authorizer_appid, body.func_info, now);
        const event = authorizedEvent(body.component_appid, body.authorizer_appid, result, now, preAuthCode);
        const view = {
          authorization_code: result.authorizationCode,
          authorization_code_expires_at: seconds(result.codeExpiresAt),
          authorizer_access_token: result.accessToken.token,
          authorizer_refresh_token: result.authorization.refresh_token,
          expires_in: secondsLeft(result.accessToken, now),
          func_info: funcInfoView(grantedSets(result.authorization)),
          ...(result.withheld.length > 0 ? { withheld_func_info: result.withheld } : {}),
        };
        return { view, event };
      });
      if (event) pusher.enqueue(body.component_appid, event);
      return view;
    },

    listAuthorizations: () =>
      store.transaction(async (tx) => (await listAuthorizations(tx)).map(authorizationView)),

    revoke: async (componentAppid: string, authorizerAppid: string) => {
      const view = await store.transaction(async (tx) => {
        const row = await findAuthorization(tx, componentAppid, authorizerAppid);
        if (!row) throw new ControlError(404, `no authorization of ${componentAppid} by ${authorizerAppid}`);
        if (row.status !== 'active') throw new ControlError(409, 'the authorization is already revoked');
        return authorizationView(await revoke(tx, row, clock.now()));
      });
      pusher.enqueue(componentAppid, unauthorizedEvent(componentAppid, authorizerAppid, clock.now()));
      return view;
    },
  };
}

export type Operations = ReturnType<typeof operations>;
