import type { Db } from '../store/index.js';
import { pruneAuthorizationCodes } from './authorizations/store.js';
import { pruneRids } from './quota/rids.js';
import { pruneQuotas, pruneUsage } from './quota/store.js';
import { pruneTokenPlane } from './tokens/store.js';

/**
 * How long an expired token, ticket or authorization code is kept, so that it still answers "expired" (42001,
 * 61005, 61010) rather than "unknown"; after that it goes (docs/tokens.md §2). A pre_auth_code, only ever shown
 * on the authorization page, is kept an hour.
 */
export const EXPIRED_KEPT_MS = 24 * 3600 * 1000;
export const EXPIRED_PRE_AUTH_CODE_KEPT_MS = 3600 * 1000;
/**
 * How long a quota counter outlives its period: a call counts at the time it began, and on a shared store one
 * that lost a race may run again seconds later (docs/shared-mode.md §2); it must find its period's count.
 */
export const ENDED_PERIOD_KEPT_MS = 60 * 1000;

/** Drops up to `limit` rows of each kind that history no longer needs; how many went. */
export async function pruneHistory(db: Db, now: number, limit: number): Promise<number> {
  const expiredBefore = now - EXPIRED_KEPT_MS;
  return (
    (await pruneTokenPlane(
      db,
      now,
      { expiredBefore, preAuthCodesBefore: now - EXPIRED_PRE_AUTH_CODE_KEPT_MS },
      limit,
    )) +
    (await pruneAuthorizationCodes(db, expiredBefore, limit)) +
    (await pruneQuotas(db, now - ENDED_PERIOD_KEPT_MS, limit)) +
    (await pruneUsage(db, now)) +
    (await pruneRids(db, now, limit))
  );
}
