import { newAuthorizationCode, newRefreshToken } from '../../ids.js';
import type { AuthorizationRow, Db, TokenRow } from '../../store/index.js';
import { issueAuthorizerToken, SUPERSEDED_GRACE_MS } from '../tokens/slots.js';
import { grantedSets } from './grants.js';
import {
  activeAuthorizationsOf,
  deleteAuthorizationCodes,
  findAuthorization,
  insertAuthorizationCode,
  saveAuthorization,
} from './store.js';

/** An authorization code (auth_code) redeems on api_query_auth for 3600 s (docs/tokens.md §2). */
export const AUTHORIZATION_CODE_LIFETIME_MS = 3600 * 1000;
/** Permission set 18 can be held by one component per Mini Program at a time (docs/tokens.md §3). */
const EXCLUSIVE_SETS = [18];

export interface Authorized {
  authorization: AuthorizationRow;
  authorizationCode: string;
  codeExpiresAt: number;
  accessToken: TokenRow;
  /** Sets asked for but not granted because another component holds them exclusively. */
  withheld: number[];
  /**
   * The event WeChat pushes: `authorized` for a new authorization, `updateauthorized` when an active one
   * changes its sets, none when a re-authorization leaves the sets as they were (docs/tokens.md §3).
   */
  event: 'authorized' | 'updateauthorized' | null;
}

/**
 * The account admin authorizes (or re-authorizes) a component: granted sets are replaced, a new refresh token
 * is issued (the previous one stays usable 300 s, unless the authorization had been revoked), and an
 * authorization code is issued for api_query_auth, which the authorization waits for again.
 */
export async function authorize(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  requestedSets: number[],
  now: number,
): Promise<Authorized> {
  const withheld = await exclusiveSetsHeldElsewhere(db, componentAppid, authorizerAppid, requestedSets);
  const sets = [...new Set(requestedSets)].filter((id) => !withheld.includes(id));
  const existing = await findAuthorization(db, componentAppid, authorizerAppid);
  const keepPrevious = existing?.status === 'active';
  const authorization: AuthorizationRow = {
    component_appid: componentAppid,
    authorizer_appid: authorizerAppid,
    status: 'active',
    func_info: JSON.stringify(sets),
    refresh_token: newRefreshToken(),
    previous_refresh_token: keepPrevious ? existing.refresh_token : null,
    previous_refresh_token_until: keepPrevious ? now + SUPERSEDED_GRACE_MS : null,
    authorized_at: existing?.authorized_at ?? now,
    updated_at: now,
    // The new refresh token is the component's once it redeems the new code (docs/quota.md §5.1).
    redeemed: 0,
  };
  await saveAuthorization(db, authorization, existing !== undefined);
  const authorizationCode = newAuthorizationCode();
  const codeExpiresAt = now + AUTHORIZATION_CODE_LIFETIME_MS;
  await insertAuthorizationCode(db, {
    code: authorizationCode,
    component_appid: componentAppid,
    authorizer_appid: authorizerAppid,
    expires_at: codeExpiresAt,
  });
  // Tokens issued before a revocation stay dead: no grace window for them (docs/tokens.md §3).
  const graceMs = existing?.status === 'revoked' ? 0 : undefined;
  const accessToken = await issueAuthorizerToken(db, componentAppid, authorizerAppid, now, graceMs);
  return {
    authorization,
    authorizationCode,
    codeExpiresAt,
    accessToken,
    withheld,
    event: eventOf(existing, sets),
  };
}

function eventOf(existing: AuthorizationRow | undefined, sets: number[]): Authorized['event'] {
  if (existing?.status !== 'active') return 'authorized';
  const before = grantedSets(existing);
  const same = before.length === sets.length && before.every((id) => sets.includes(id));
  return same ? null : 'updateauthorized';
}

/**
 * The admin revokes: the refresh token and the authorization codes die at once and the account's authorizer
 * tokens answer 61003.
 */
export async function revoke(
  db: Db,
  authorization: AuthorizationRow,
  now: number,
): Promise<AuthorizationRow> {
  const revoked: AuthorizationRow = {
    ...authorization,
    status: 'revoked',
    previous_refresh_token: null,
    previous_refresh_token_until: null,
    updated_at: now,
  };
  await saveAuthorization(db, revoked, true);
  await deleteAuthorizationCodes(db, authorization.component_appid, authorization.authorizer_appid);
  return revoked;
}

async function exclusiveSetsHeldElsewhere(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  requestedSets: number[],
): Promise<number[]> {
  const wanted = EXCLUSIVE_SETS.filter((id) => requestedSets.includes(id));
  if (wanted.length === 0) return [];
  const others = (await activeAuthorizationsOf(db, authorizerAppid)).filter(
    (row) => row.component_appid !== componentAppid,
  );
  const held = new Set(others.flatMap(grantedSets));
  return wanted.filter((id) => held.has(id));
}
