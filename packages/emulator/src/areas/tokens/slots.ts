import { newAuthorizerAccessToken } from '../../ids.js';
import type { Db, TokenRow } from '../../store/index.js';
import { currentToken, endTokenAt, insertToken, tokensUsableAfter } from './store.js';

export type TokenKind = TokenRow['kind'];

/** Every access token lives 7200 s (docs/tokens.md §2). */
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

/** Issues a new token in its slot and starts the grace window of the tokens it replaces (docs/tokens.md §2). */
export async function issueToken(db: Db, issue: TokenIssue, now: number): Promise<TokenRow> {
  const graceEnd = now + (issue.graceMs ?? SUPERSEDED_GRACE_MS);
  for (const old of await tokensUsableAfter(db, issue.slot, now, graceEnd)) {
    const until = Math.min(old.expires_at, graceEnd);
    if (old.usable_until === null || old.usable_until > until) await endTokenAt(db, old.token, until);
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
  await insertToken(db, row);
  return row;
}

export function issueAuthorizerToken(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  now: number,
  graceMs?: number,
): Promise<TokenRow> {
  return issueToken(
    db,
    {
      kind: 'authorizer',
      token: newAuthorizerAccessToken(now),
      appid: authorizerAppid,
      componentAppid,
      slot: slots.authorizer(componentAppid, authorizerAppid),
      graceMs,
    },
    now,
  );
}

/** The newest authorizer_access_token of an authorization that is still usable now, if any. */
export function currentAuthorizerToken(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  now: number,
): Promise<TokenRow | undefined> {
  return currentToken(db, slots.authorizer(componentAppid, authorizerAppid), now);
}

export type TokenState = 'live' | 'expired' | 'superseded';

export function tokenState(row: TokenRow, now: number): TokenState {
  if (now >= row.expires_at) return 'expired';
  if (row.usable_until !== null && now >= row.usable_until) return 'superseded';
  return 'live';
}

/**
 * Seconds a token has left, as `expires_in` reports it (a started second counts); never more than a lifetime,
 * even when the clock has been moved back past its issue.
 */
export function secondsLeft(row: TokenRow, now: number): number {
  const left = Math.ceil((row.expires_at - now) / 1000);
  return Math.min(TOKEN_LIFETIME_MS / 1000, Math.max(0, left));
}
