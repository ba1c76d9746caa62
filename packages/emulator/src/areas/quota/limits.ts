import { type EndpointDef, endpointList } from '@wxlocal/api';
import type { Caller } from '../../core/index.js';

/** Daily limits WeChat publishes or reports; every other API: 100 000 (docs/quota.md §1.2). */
const PUBLISHED_LIMITS: Record<string, number> = {
  '/cgi-bin/token': 2000,
  '/cgi-bin/stable_token': 500_000,
  '/cgi-bin/component/api_component_token': 10_000,
  '/cgi-bin/clear_quota': 100,
};
const UNPUBLISHED_LIMIT = 100_000;

/** The counters refused at their limit unless the operator says otherwise: where WeChat's limit bites. */
const ENFORCED_BY_DEFAULT = new Set(['/cgi-bin/token', '/cgi-bin/stable_token', '/cgi-bin/clear_quota']);

/** Counters a clear leaves alone (docs/quota.md §3.1): clear_quota's own, or its 100 a day could never be reached. */
export const NEVER_CLEARED = ['/cgi-bin/token', '/cgi-bin/stable_token', '/cgi-bin/clear_quota'] as const;

/** Minute windows getApiQuota reports (docs/quota.md §2); stable_token enforces its own (docs/tokens.md §5.9). */
const MINUTE_LIMITS: Record<string, { rate_limit: MinuteLimit; component_rate_limit: MinuteLimit }> = {
  '/cgi-bin/stable_token': {
    rate_limit: { call_count: 10_000, refresh_second: 60 },
    component_rate_limit: { call_count: 1_050_000, refresh_second: 60 },
  },
};
export interface MinuteLimit {
  call_count: number;
  refresh_second: number;
}

export function defaultLimit(path: string): number {
  return PUBLISHED_LIMITS[path] ?? UNPUBLISHED_LIMIT;
}

export function enforcedByDefault(path: string): boolean {
  return ENFORCED_BY_DEFAULT.has(path);
}

export function minuteLimits(
  path: string,
): { rate_limit: MinuteLimit; component_rate_limit: MinuteLimit } | undefined {
  return MINUTE_LIMITS[path];
}

const served = new Map(endpointList.map((endpoint) => [endpoint.path, endpoint]));

/** The API a `cgi_path` names (docs/quota.md §2): 76021 for a malformed or unknown path, 76022 for `/sns/`. */
export function apiNamed(cgiPath: string): EndpointDef | 76021 | 76022 {
  if (!cgiPath.startsWith('/') || cgiPath.startsWith('//') || /[?#\s]/.test(cgiPath)) return 76021;
  if (cgiPath.startsWith('/sns/')) return 76022;
  return served.get(cgiPath) ?? 76021;
}

/** Calls made by the component itself: its token's endpoints and its tokenless ones. */
function componentsOwn(endpoint: EndpointDef): boolean {
  return (
    endpoint.token === 'component' ||
    (endpoint.token === 'none' && endpoint.path.startsWith('/cgi-bin/component/'))
  );
}

/**
 * Whether a caller's account is charged for calls of `endpoint`, and so may query or clear its counter:
 * a component its own APIs, an account those it may call (docs/quota.md §2).
 */
export function chargesCaller(caller: Caller, endpoint: EndpointDef): boolean {
  if (caller.kind === 'none') return false;
  if (caller.kind === 'component') return componentsOwn(endpoint) || endpoint.componentTokenAccepted === true;
  if (componentsOwn(endpoint)) return endpoint.authorizerTokenAccepted === true;
  return endpoint.token === 'none' || endpoint.accountTypes?.includes(caller.account.type) === true;
}

/** The account charged for an executed call (docs/quota.md §1.2); tokenless calls: the appid they name. */
export function chargedAppid(endpoint: EndpointDef, caller: Caller, request: object): string | null {
  if (caller.kind === 'component') return caller.componentAppid;
  if (caller.kind !== 'none') return caller.account.appid;
  const named = endpoint.path.startsWith('/cgi-bin/component/')
    ? (request as { component_appid?: unknown }).component_appid
    : (request as { appid?: unknown }).appid;
  return typeof named === 'string' && named !== '' ? named : null;
}

/** The account a caller acts as: the one whose counters and rids it sees. */
export function callerAppid(caller: Caller): string | null {
  if (caller.kind === 'component') return caller.componentAppid;
  return caller.kind === 'none' ? null : caller.account.appid;
}
