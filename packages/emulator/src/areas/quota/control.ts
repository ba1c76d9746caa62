import { type ControlBodyOf, endpointList } from '@wxlocal/api';
import { chinaDay } from '../../clock.js';
import { ControlError, type ControlHandlers, type Scope } from '../../core/index.js';
import { requireAccount, requirePlatform } from '../accounts/control.js';
import {
  API_CLEARS_PER_MONTH,
  apiClearsQuota,
  CLEARS_PER_MONTH,
  clearsQuota,
  clearsUsed,
  setClearsUsed,
  setUsedToday,
  usageToday,
} from './counters.js';
import { apiNamed } from './limits.js';
import { operatorLimits, setOperatorLimit } from './store.js';

const servedPaths = endpointList.map((endpoint) => endpoint.path);

/**
 * The operator's view of an account's (or a component's) API meter (docs/quota.md §1): its counters today,
 * the limits set on it, and the month's clears. A test sets `used` to reach 45009 in one call.
 */
export const quotaControl = {
  'accounts.quota': async (request) => {
    await requireAccount(request.tx, request.params.appid ?? '');
    return meterOf(request, request.params.appid ?? '');
  },
  'accounts.quota.patch': async (request) => {
    await requireAccount(request.tx, request.params.appid ?? '');
    return changeMeter(request, request.params.appid ?? '', request.body);
  },
  'platforms.quota': async (request) => {
    await requirePlatform(request.tx, request.params.appid ?? '');
    return meterOf(request, request.params.appid ?? '');
  },
  'platforms.quota.patch': async (request) => {
    await requirePlatform(request.tx, request.params.appid ?? '');
    return changeMeter(request, request.params.appid ?? '', request.body);
  },
} satisfies Partial<ControlHandlers>;

/** Every counter with calls today or a limit set, by path, and the month's clears. */
async function meterOf(scope: Scope, appid: string) {
  const used = await usageToday(scope, appid, servedPaths);
  const limited = (await operatorLimits(scope.tx)).filter((row) => row.appid === appid);
  const paths = [...new Set([...used.keys(), ...limited.map((row) => row.cgi_path)])].sort();
  const counters = [];
  for (const path of paths) {
    const { daily_limit, enforced } = await scope.meter.limitOf(scope.tx, appid, path);
    const count = used.get(path) ?? 0;
    counters.push({
      cgi_path: path,
      daily_limit,
      used: count,
      remain: Math.max(0, daily_limit - count),
      enforced,
    });
  }
  const { clears, apiClears } = await clearsUsed(scope, appid);
  return {
    appid,
    day: chinaDay(scope.now).label,
    counters,
    clears: { used: clears, limit: CLEARS_PER_MONTH },
    api_clears: { used: apiClears, limit: API_CLEARS_PER_MONTH },
  };
}

async function changeMeter(scope: Scope, appid: string, body: ControlBodyOf<'accounts.quota.patch'>) {
  const { cgi_path, daily_limit, used, clears_used, api_clears_used } = body;
  if (cgi_path === undefined && (daily_limit !== undefined || used !== undefined)) {
    throw new ControlError(400, 'daily_limit and used need the cgi_path of the counter');
  }
  if (cgi_path !== undefined && typeof apiNamed(cgi_path) === 'number') {
    throw new ControlError(400, `${cgi_path} is not an API wxlocal serves`);
  }
  if (cgi_path !== undefined && daily_limit !== undefined) {
    await setOperatorLimit(scope.tx, appid, cgi_path, daily_limit);
  }
  if (cgi_path !== undefined && used !== undefined) await setUsedToday(scope, appid, cgi_path, used);
  if (clears_used !== undefined) await setClearsUsed(scope, clearsQuota(appid), clears_used);
  if (api_clears_used !== undefined) await setClearsUsed(scope, apiClearsQuota(appid), api_clears_used);
  return meterOf(scope, appid);
}
