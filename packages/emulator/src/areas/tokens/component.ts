import { successMessages } from '@wxlocal/api';
import { componentOf, fail, type Handlers } from '../../core/index.js';
import { newComponentAccessToken } from '../../ids.js';
import type { Db, PlatformRow } from '../../store/index.js';
import { checkComponentAppid, identify } from './identity.js';
import { checkComponentIp } from './ip-whitelist.js';
import { issuePreAuthCode, PRE_AUTH_CODE_LIFETIME_MS } from './pre-auth-codes.js';
import { issueToken, slots, TOKEN_LIFETIME_MS } from './slots.js';
import { checkTicket, issueTicket } from './verify-tickets.js';

/** The component's own credentials, in the order of docs/tokens.md §5.2: 41018, 41004, 40013, 61011, 40125, 61004. */
async function authenticateComponent(
  db: Db,
  appid: string,
  secret: string,
  ip: string,
): Promise<PlatformRow> {
  if (appid === '') fail(41018);
  if (secret === '') fail(41004);
  const identity = await identify(db, appid);
  if (!('platform' in identity)) return fail(61011);
  if (identity.platform.secret !== secret) fail(40125);
  checkComponentIp(identity.platform.ip_whitelist, ip);
  return identity.platform;
}

export const componentHandlers = {
  async startPushTicket(call) {
    const { component_appid, component_secret } = call.request;
    const platform = await authenticateComponent(call.tx, component_appid, component_secret, call.ip);
    // Pushing always runs in the emulator, so the answer is WeChat's "already normal" text.
    await issueTicket(call.tx, platform.appid, call.now);
    call.pushDueTickets();
    call.successMessage = successMessages.normalState;
    return {};
  },

  async getComponentAccessToken(call) {
    const { component_appid, component_appsecret, component_verify_ticket } = call.request;
    const platform = await authenticateComponent(call.tx, component_appid, component_appsecret, call.ip);
    await checkTicket(call.tx, platform.appid, component_verify_ticket, call.now);
    const row = await issueToken(
      call.tx,
      {
        kind: 'component',
        token: newComponentAccessToken(call.now),
        appid: platform.appid,
        slot: slots.component(platform.appid),
      },
      call.now,
    );
    return { component_access_token: row.token, expires_in: TOKEN_LIFETIME_MS / 1000 };
  },

  async getPreAuthCode(call) {
    const componentAppid = componentOf(call);
    checkComponentAppid(call.request.component_appid, componentAppid);
    const code = await issuePreAuthCode(call.tx, componentAppid, call.now);
    return { pre_auth_code: code, expires_in: PRE_AUTH_CODE_LIFETIME_MS / 1000 };
  },
} satisfies Partial<Handlers>;
