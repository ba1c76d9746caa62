import type { Selectable } from 'kysely';
import { newAuthorizationCode, newAuthorizerAccessToken, newRefreshToken } from '../../ids.js';
import type { Database, Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';
import { issueToken, SUPERSEDED_GRACE_MS, slots, type TokenRow } from './token-slots.js';

export type AuthorizationRow = Selectable<Database['authorizations']>;

/** An authorization code (auth_code) redeems on api_query_auth for 3600 s (tokens.md §2). */
export const AUTHORIZATION_CODE_LIFETIME_MS = 3600 * 1000;
/** Permission set 18 can be held by one component per Mini Program at a time (tokens.md §3). */
const EXCLUSIVE_SETS = [18];

export const findAuthorization = preparedQuery((db, componentAppid: string, authorizerAppid: string) =>
  db
    .selectFrom('authorizations')
    .selectAll()
    .where('component_appid', '=', componentAppid)
    .where('authorizer_appid', '=', authorizerAppid),
);

export function listAuthorizations(db: Db): Promise<AuthorizationRow[]> {
  return db.selectFrom('authorizations').selectAll().orderBy('authorized_at').execute();
}

/** The component that develops a Mini Program: the one holding its exclusive set 18, if any. */
export async function componentDeveloping(db: Db, miniProgramAppid: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('authorizations')
    .selectAll()
    .where('authorizer_appid', '=', miniProgramAppid)
    .where('status', '=', 'active')
    .execute();
  return rows.find((row) => grantedSets(row).includes(18))?.component_appid;
}

export function grantedSets(row: AuthorizationRow): number[] {
  return JSON.parse(row.func_info) as number[];
}

/** `func_info` as WeChat writes it. */
export function funcInfoView(ids: number[]) {
  return ids.map((id) => ({ funcscope_category: { id } }));
}

export interface Authorized {
  authorization: AuthorizationRow;
  authorizationCode: string;
  codeExpiresAt: number;
  accessToken: TokenRow;
  /** Sets asked for but not granted because another component holds them exclusively. */
  withheld: number[];
  /**
   * The event WeChat pushes: `authorized` for a new authorization, `updateauthorized` when an active one
   * changes its sets, none when a re-authorization leaves the sets as they were (tokens.md §3).
   */
  event: 'authorized' | 'updateauthorized' | null;
}

/**
 * The account admin authorizes (or re-authorizes) a component: granted sets are replaced, a new refresh token
 * is issued (the previous one stays usable 300 s, unless the authorization had been revoked), and an
 * authorization code is issued for api_query_auth.
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
  };
  if (existing) {
    await db
      .updateTable('authorizations')
      .set(authorization)
      .where('component_appid', '=', componentAppid)
      .where('authorizer_appid', '=', authorizerAppid)
      .execute();
  } else {
    await db.insertInto('authorizations').values(authorization).execute();
  }
  const authorizationCode = newAuthorizationCode();
  const codeExpiresAt = now + AUTHORIZATION_CODE_LIFETIME_MS;
  await db
    .insertInto('authorization_codes')
    .values({
      code: authorizationCode,
      component_appid: componentAppid,
      authorizer_appid: authorizerAppid,
      expires_at: codeExpiresAt,
    })
    .execute();
  const accessToken = await issueAuthorizerToken(db, componentAppid, authorizerAppid, now);
  return {
    authorization,
    authorizationCode,
    codeExpiresAt,
    accessToken,
    withheld,
    event: eventOf(existing, sets),
  };
}

/** The admin revokes: the refresh token dies at once and the account's authorizer tokens answer 61003. */
function eventOf(existing: AuthorizationRow | undefined, sets: number[]): Authorized['event'] {
  if (existing?.status !== 'active') return 'authorized';
  const before = grantedSets(existing);
  const same = before.length === sets.length && before.every((id) => sets.includes(id));
  return same ? null : 'updateauthorized';
}

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
  await db
    .updateTable('authorizations')
    .set(revoked)
    .where('component_appid', '=', authorization.component_appid)
    .where('authorizer_appid', '=', authorization.authorizer_appid)
    .execute();
  return revoked;
}

export function issueAuthorizerToken(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  now: number,
): Promise<TokenRow> {
  return issueToken(
    db,
    {
      kind: 'authorizer',
      token: newAuthorizerAccessToken(),
      appid: authorizerAppid,
      componentAppid,
      slot: slots.authorizer(componentAppid, authorizerAppid),
    },
    now,
  );
}

/** A refresh token is good while the authorization is active: the current one, or the previous for 300 s. */
export function acceptsRefreshToken(row: AuthorizationRow, refreshToken: string, now: number): boolean {
  if (row.status !== 'active' || refreshToken === '') return false;
  if (row.refresh_token === refreshToken) return true;
  return (
    row.previous_refresh_token === refreshToken &&
    row.previous_refresh_token_until !== null &&
    now < row.previous_refresh_token_until
  );
}

async function exclusiveSetsHeldElsewhere(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  requestedSets: number[],
): Promise<number[]> {
  const wanted = EXCLUSIVE_SETS.filter((id) => requestedSets.includes(id));
  if (wanted.length === 0) return [];
  const others = await db
    .selectFrom('authorizations')
    .select('func_info')
    .where('authorizer_appid', '=', authorizerAppid)
    .where('component_appid', '!=', componentAppid)
    .where('status', '=', 'active')
    .execute();
  const held = new Set(others.flatMap((row) => JSON.parse(row.func_info) as number[]));
  return wanted.filter((id) => held.has(id));
}
