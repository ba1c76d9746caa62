import type { EndpointDef } from '@wxlocal/api';
import { type Call, fail, type Handlers } from '../../core/index.js';
import { clearOneApi, usedToday } from './counters.js';
import { apiNamed, callerAppid, chargesCaller, minuteLimits } from './limits.js';
import { RID_KEPT_MS } from './rids.js';

const RID_KEPT_SECONDS = RID_KEPT_MS / 1000;

const RID = /^([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{8}$/i;

/** getApiQuota, the single-API clear and rid lookup (docs/quota.md §2, §3.6, §4). */
export const meterHandlers = {
  async getApiQuota(call) {
    const { path, appid } = await meteredApi(call, call.request.cgi_path);
    const { daily_limit } = await call.meter.limitOf(call.tx, appid, path);
    const used = await usedToday(call, appid, path);
    const quota = { daily_limit, used, remain: Math.max(0, daily_limit - used) };
    return { quota, ...minuteLimits(path) };
  },

  async clearApiQuota(call) {
    const { path, appid } = await meteredApi(call, call.request.cgi_path);
    await clearOneApi(call, appid, path);
    return {};
  },

  async getRidInfo(call) {
    const rid = call.request.rid;
    const time = RID.exec(rid)?.[1];
    if (time === undefined) fail(76002);
    const age = Math.floor(call.now / 1000) - Number.parseInt(time, 16);
    if (age < 0 || age > RID_KEPT_SECONDS) fail(76004);
    const row = await call.meter.findError(call.tx, rid.toLowerCase());
    if (!row) fail(76001);
    if (row.owner === null || row.owner !== callerAppid(call.caller)) fail(76003);
    return {
      request: {
        invoke_time: row.invoke_time,
        cost_in_ms: row.cost_in_ms,
        request_url: row.request_url,
        request_body: row.request_body,
        response_body: row.response_body,
        client_ip: row.client_ip,
      },
    };
  },
} satisfies Partial<Handlers>;

/** The API a `cgi_path` names, if the caller's account is charged for it (76021, 76022). */
async function meteredApi(
  call: Call<'getApiQuota' | 'clearApiQuota'>,
  cgiPath: string,
): Promise<{ path: string; appid: string }> {
  const api: EndpointDef | 76021 | 76022 = apiNamed(cgiPath);
  if (typeof api === 'number') fail(api);
  const appid = callerAppid(call.caller);
  if (appid === null || !chargesCaller(call.caller, api)) fail(76022);
  return { path: api.path, appid };
}
