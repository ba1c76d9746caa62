import { chinaDay, minuteOf, type Period } from '../../clock.js';
import { fail, type Handlers } from '../../core/index.js';
import { newAccessToken } from '../../ids.js';
import type { AccountRow, Db, TokenRow } from '../../store/index.js';
import { accountFlags } from '../accounts/flags.js';
import { consumeQuota } from '../quota/store.js';
import { identify } from './identity.js';
import { checkAccountIp } from './ip-whitelist.js';
import { issueToken, secondsLeft, slots, TOKEN_LIFETIME_MS } from './slots.js';
import { currentToken, lastForcedRefresh, recordForcedRefresh } from './store.js';

/** A stable token in its last 300 s is renewed by a normal call (docs/tokens.md §5.9). */
const STABLE_RENEW_WINDOW_MS = 300 * 1000;
/** A forced refresh within 30 s of the previous one does not refresh. */
const FORCE_INTERVAL_MS = 30 * 1000;
const FORCE_PER_DAY = 20;
const STABLE_PER_MINUTE = 10_000;

interface OwnCredentials {
  grant_type: string;
  appid: string;
  secret: string;
}

/** The checks of /cgi-bin/token and stable_token, in docs/wire-protocol.md §7.2 order. */
async function authenticateAccount(
  db: Db,
  { grant_type, appid, secret }: OwnCredentials,
  ip: string,
): Promise<AccountRow> {
  if (appid === '') fail(41002);
  if (secret === '') fail(41004);
  const identity = await identify(db, appid);
  if (grant_type !== 'client_credential') fail(40002);
  if ('platform' in identity) return fail(61024);
  if (identity.account.secret !== secret) fail(40125);
  checkAccountIp(identity.account.ip_whitelist, ip);
  if (accountFlags(identity.account).secret_frozen) fail(40243);
  return identity.account;
}

function issueOwnToken(db: Db, kind: 'access' | 'stable', appid: string, now: number, graceMs?: number) {
  const slot = kind === 'access' ? slots.access(appid) : slots.stable(appid);
  return issueToken(db, { kind, token: newAccessToken(now), appid, slot, graceMs }, now);
}

const answer = (row: TokenRow, now: number) => ({
  access_token: row.token,
  expires_in: secondsLeft(row, now),
});

export const ownTokenHandlers = {
  /** Each call issues a new token; the previous one works 300 s more (docs/tokens.md §5.8). */
  async getAccessToken(call) {
    const account = await authenticateAccount(call.tx, call.request, call.ip);
    const row = await issueOwnToken(call.tx, 'access', account.appid, call.now);
    return { access_token: row.token, expires_in: TOKEN_LIFETIME_MS / 1000 };
  },

  async getStableAccessToken(call) {
    const account = await authenticateAccount(call.tx, call.request, call.ip);
    const { tx, now } = call;
    const day = chinaDay(now);
    const quota = `stable_token:${account.appid}`;
    // Its daily 500 000 is the API meter's counter (docs/quota.md §1.2).
    if (!(await consumeQuota(tx, `${quota}:minute`, minuteOf(now), STABLE_PER_MINUTE))) fail(45011);
    const current = await currentToken(tx, slots.stable(account.appid), now);
    if (call.request.force_refresh)
      return answer(await forceRefresh(tx, account.appid, current, now, day), now);
    if (current && current.expires_at - now > STABLE_RENEW_WINDOW_MS) return answer(current, now);
    // Early renewal: the old token keeps its own expiry.
    return answer(await issueOwnToken(tx, 'stable', account.appid, now, TOKEN_LIFETIME_MS), now);
  },
} satisfies Partial<Handlers>;

/** Force mode: a new token that ends the previous one at once; 20 a day, at least 30 s apart. */
async function forceRefresh(
  db: Db,
  appid: string,
  current: TokenRow | undefined,
  now: number,
  day: Period,
): Promise<TokenRow> {
  const last = await lastForcedRefresh(db, appid);
  if (current && last !== undefined && now - last < FORCE_INTERVAL_MS) return current;
  if (!(await consumeQuota(db, `stable_token:${appid}:force`, day, FORCE_PER_DAY))) fail(45009);
  await recordForcedRefresh(db, appid, now);
  return issueOwnToken(db, 'stable', appid, now, 0);
}
