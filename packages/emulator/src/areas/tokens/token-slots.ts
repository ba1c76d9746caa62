import type { Selectable } from 'kysely';
import type { Database, Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';

export type TokenRow = Selectable<Database['tokens']>;
export type TokenKind = TokenRow['kind'];

/** Every access token lives 7200 s (tokens.md §2). */
export const TOKEN_LIFETIME_MS = 7200 * 1000;
/** A token replaced by a newer one of its slot keeps working this long, then answers 40001. */
export const SUPERSEDED_GRACE_MS = 300 * 1000;

/**
 * The slot a token belongs to: one per component, per (component, authorizer) authorization, per account's
 * /cgi-bin/token and per account's stable token. Issuing in one slot never touches another.
 */
export const slots = {
  component: (componentAppid: string) => `component:${componentAppid}`,
  authorizer: (componentAppid: string, authorizerAppid: string) =>
    `authorizer:${componentAppid}:${authorizerAppid}`,
  access: (appid: string) => `access:${appid}`,
  stable: (appid: string) => `stable:${appid}`,
};

export interface TokenIssue {
  kind: TokenKind;
  token: string;
  appid: string;
  componentAppid?: string;
  slot: string;
  /** How long the tokens it replaces stay usable; 0 invalidates them at once. */
  graceMs?: number;
}

/** Issues a new token in its slot and starts the grace window of the tokens it replaces (tokens.md §2). */
export async function issueToken(db: Db, issue: TokenIssue, now: number): Promise<TokenRow> {
  const graceEnd = now + (issue.graceMs ?? SUPERSEDED_GRACE_MS);
  const live = await db
    .selectFrom('tokens')
    .select(['token', 'expires_at', 'usable_until'])
    .where('slot', '=', issue.slot)
    .where('expires_at', '>', now)
    .execute();
  for (const old of live) {
    const until = Math.min(old.expires_at, graceEnd);
    if (old.usable_until === null || old.usable_until > until) {
      await db.updateTable('tokens').set({ usable_until: until }).where('token', '=', old.token).execute();
    }
  }
  const row: TokenRow = {
    token: issue.token,
    kind: issue.kind,
    appid: issue.appid,
    component_appid: issue.componentAppid ?? null,
    slot: issue.slot,
    issued_at: now,
    expires_at: now + TOKEN_LIFETIME_MS,
    usable_until: null,
  };
  await db.insertInto('tokens').values(row).execute();
  return row;
}

export const findToken = preparedQuery((db, token: string) =>
  db.selectFrom('tokens').selectAll().where('token', '=', token),
);

/** The newest token of a slot that is still usable, if any. */
export function currentToken(db: Db, slot: string, now: number): Promise<TokenRow | undefined> {
  return db
    .selectFrom('tokens')
    .selectAll()
    .where('slot', '=', slot)
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('usable_until', 'is', null), eb('usable_until', '>', now)]))
    .orderBy('issued_at', 'desc')
    .executeTakeFirst();
}

export type TokenState = 'live' | 'expired' | 'superseded';

export function tokenState(row: TokenRow, now: number): TokenState {
  if (now >= row.expires_at) return 'expired';
  if (row.usable_until !== null && now >= row.usable_until) return 'superseded';
  return 'live';
}

/** Seconds a token has left, as `expires_in` reports it (a started second counts). */
export function secondsLeft(row: TokenRow, now: number): number {
  return Math.max(0, Math.ceil((row.expires_at - now) / 1000));
}
