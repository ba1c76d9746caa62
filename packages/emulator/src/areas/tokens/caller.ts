import type { EndpointDef } from '@wxlocal/api';
import { type Caller, fail } from '../../core/index.js';
import type { AccountRow, Db, TokenRow } from '../../store/index.js';
import { findAccount, findPlatform } from '../accounts/store.js';
import { grantedSets } from '../authorizations/grants.js';
import { findAuthorization } from '../authorizations/store.js';
import { checkComponentIp } from './ip-whitelist.js';
import { tokenState } from './slots.js';
import { findToken } from './store.js';

const TOKEN_ALPHABET = /^[A-Za-z0-9_-]+$/;

/** A caller and the time (Unix ms) until which its token stays usable. */
export interface Resolved {
  caller: Caller;
  usableUntil: number;
}

/**
 * Resolves the token of a call in WeChat's check order (docs/wire-protocol.md §7.1): 41001, 40014, 40001,
 * 42001, 40001 superseded, 61004 for a component off its IP allow-list, 48001 wrong kind, 61003 revoked,
 * 61007 no permission set.
 */
export async function resolveCaller(
  db: Db,
  endpoint: EndpointDef,
  query: Record<string, string>,
  now: number,
  ip: string,
): Promise<Resolved> {
  if (endpoint.token === 'none') return { caller: { kind: 'none' }, usableUntil: Number.POSITIVE_INFINITY };
  const token = tokenParameter(endpoint, query);
  if (!token) fail(41001);
  if (!TOKEN_ALPHABET.test(token)) fail(40014);
  const row = await findToken(db, token);
  if (!row) fail(40001);
  const ownToken = row.kind === 'access' || row.kind === 'stable';
  // An account's own token on an API only third parties may call (docs/wire-protocol.md §7.1 step 1.2); the code
  // APIs answer 86000 there (docs/code-management.md §1.1).
  if (endpoint.token === 'authorizer' && ownToken && !endpoint.ownTokenAccepted) {
    fail(endpoint.ownTokenErrcode ?? 40014);
  }
  const state = tokenState(row, now);
  if (state === 'expired') fail(42001);
  if (state === 'superseded') fail(40001);
  const usableUntil = Math.min(row.expires_at, row.usable_until ?? Number.POSITIVE_INFINITY);
  return { caller: await holderOf(db, endpoint, row, ip), usableUntil };
}

/**
 * The account a token-bearing call is made for, read from its token without checking it: the authorizer of an
 * authorizer token, the account of its own token, the component of a component token (docs/faults.md §2).
 */
export async function tokenHolder(
  db: Db,
  endpoint: EndpointDef,
  query: Record<string, string>,
): Promise<string | null> {
  const token = tokenParameter(endpoint, query);
  if (!token) return null;
  return (await findToken(db, token))?.appid ?? null;
}

/** Who holds a live token, and whether it may call this endpoint. */
async function holderOf(db: Db, endpoint: EndpointDef, row: TokenRow, ip: string): Promise<Caller> {
  if (endpoint.token === 'component') {
    if (row.kind === 'authorizer' && endpoint.authorizerTokenAccepted) return authorizerOf(db, endpoint, row);
    return componentOf(db, row, ip);
  }
  if (row.kind === 'component') {
    if (!endpoint.componentTokenAccepted) fail(48001);
    return componentOf(db, row, ip);
  }
  const account = await findAccount(db, row.appid);
  if (!account || !acceptsAccount(endpoint, account)) fail(48001);
  // An account acting for itself needs no permission set.
  if (row.kind === 'access' || row.kind === 'stable') return { kind: 'own', account };
  return authorizerOf(db, endpoint, row, account);
}

/** A component token's holder; its IP allow-list is checked before the token's kind (docs/wire-protocol.md §7.1). */
async function componentOf(db: Db, row: TokenRow, ip: string): Promise<Caller> {
  const platform = await findPlatform(db, row.kind === 'component' ? row.appid : (row.component_appid ?? ''));
  if (platform) checkComponentIp(platform.ip_whitelist, ip);
  if (row.kind !== 'component' || !platform) fail(48001);
  return { kind: 'component', componentAppid: row.appid };
}

/** An authorizer token's account, while its authorization holds a permission set the endpoint takes. */
async function authorizerOf(
  db: Db,
  endpoint: EndpointDef,
  row: TokenRow,
  known?: AccountRow,
): Promise<Caller> {
  const account = known ?? (await findAccount(db, row.appid));
  if (!account || row.component_appid === null) fail(48001);
  const authorization = await findAuthorization(db, row.component_appid, row.appid);
  if (authorization?.status !== 'active') fail(61003);
  const sets = grantedSets(authorization);
  const permitted = endpoint.anyPermissionSet
    ? sets.length > 0
    : endpoint.permissionSets?.some((id) => sets.includes(id));
  if (!permitted) fail(61007);
  return { kind: 'authorizer', account, authorization };
}

function acceptsAccount(endpoint: EndpointDef, account: AccountRow): boolean {
  if (!endpoint.accountTypes?.includes(account.type)) return false;
  if (account.type !== 'official_account' || !endpoint.serviceAccountsOnly) return true;
  return account.service_type === 'service' && account.verified === 1;
}

/** Component endpoints take `component_access_token` or `access_token` (the first wins); others `access_token`. */
function tokenParameter(endpoint: EndpointDef, query: Record<string, string>): string | undefined {
  if (endpoint.token === 'component') return query.component_access_token || query.access_token;
  return query.access_token;
}
