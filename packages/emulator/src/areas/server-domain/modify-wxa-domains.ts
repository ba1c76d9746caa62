import type { EndpointName } from '@wxlocal/api';
import { chinaMonth } from '../../clock.js';
import { type Call, componentOf, fail, type Handlers } from '../../core/index.js';
import { findPlatform } from '../accounts/store.js';
import { consumeQuota } from '../quota/store.js';
import { DOMAIN_ACTIONS, isValidHost } from '../web/domain-entries.js';
import { confirmFileAtRoot, confirmFileOf, icpFiled } from '../web/verify.js';
import { joinHosts, parseHostList } from './host-list.js';
import { domainPoolOf } from './pools.js';
import { type PoolName, saveDomainPool } from './store.js';

/** Hosts a pool may hold (docs/server-domain.md §3, §6.1): more answer 65316. */
export const POOL_LIMITS: Record<PoolName, number> = { server: 1000, jump: 300 };
/** "每月只可修改申请50次": successful add/delete/set calls per pool per calendar month (45104 beyond). */
export const POOL_CHANGES_PER_MONTH = 50;

interface PoolChange {
  action: string;
  /** The `;`-separated hosts as sent. */
  hosts: string;
  together: boolean;
}

/** A pool after the call, with the hosts that failed validation. */
interface PoolAnswer {
  testing: string[];
  published: string[] | null;
  invalid: string[];
}

export const componentPoolHandlers = {
  async modifyThirdpartyServerDomain(call) {
    const { action, wxa_server_domain, is_modify_published_together } = call.request;
    const change = { action, hosts: wxa_server_domain, together: is_modify_published_together };
    return poolFields('wxa_server_domain', await modifyPool(call, 'server', change));
  },

  async modifyThirdpartyJumpDomain(call) {
    const { action, wxa_jump_h5_domain, is_modify_published_together } = call.request;
    const change = { action, hosts: wxa_jump_h5_domain, together: is_modify_published_together };
    return poolFields('wxa_jump_h5_domain', await modifyPool(call, 'jump', change));
  },

  /** The component's own confirm file, which every jump-domain host must serve at its root (docs/server-domain.md §6.2). */
  async getThirdpartyJumpDomainConfirmFile(call) {
    return confirmFileOf(call.tx, componentOf(call));
  },
} satisfies Partial<Handlers>;

/** add / delete / set / get on one pool, in the rule order of docs/server-domain.md §3 (40052, 40097, 61028, 65316, 45104). */
async function modifyPool(call: Call<EndpointName>, pool: PoolName, change: PoolChange): Promise<PoolAnswer> {
  const { action, together } = change;
  if (!DOMAIN_ACTIONS.includes(action)) fail(40052);
  const componentAppid = componentOf(call);
  const platform = await findPlatform(call.tx, componentAppid);
  if (!platform) throw new Error(`component ${componentAppid} has no platform`);
  const current = await domainPoolOf(call.tx, platform, pool);
  if (action === 'get') return { ...current, invalid: [] };

  const hosts = parseHostList(change.hosts);
  if (action !== 'set' && hosts.length === 0) fail(40097);
  if (together && current.published === null) fail(61028);
  const { valid, invalid } = await screenHosts(call, hosts, action !== 'delete');
  // The jump pool only takes hosts that serve the component's confirm file (docs/server-domain.md §6.1).
  if (pool === 'jump' && action !== 'delete') await checkConfirmFiles(call, componentAppid, valid);

  const testing = applyAction(action, current.testing, valid);
  const published = together ? applyAction(action, current.published ?? [], valid) : undefined;
  if (testing.length > POOL_LIMITS[pool] || (published?.length ?? 0) > POOL_LIMITS[pool]) fail(65316);
  const quota = `${pool}_domain_pool:${componentAppid}:month`;
  if (!(await consumeQuota(call.tx, quota, chinaMonth(call.now), POOL_CHANGES_PER_MONTH))) fail(45104);
  await saveDomainPool(call.tx, componentAppid, pool, testing, published);
  return { testing, published: published ?? current.published, invalid };
}

/** Malformed hosts, and for add/set hosts without an ICP filing, are reported and not applied (docs/server-domain.md §3). */
async function screenHosts(call: Call<EndpointName>, hosts: string[], needsIcp: boolean) {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const host of hosts) {
    const ok = isValidHost(host) && (!needsIcp || (await icpFiled(call.tx, host)));
    (ok ? valid : invalid).push(host);
  }
  return { valid, invalid };
}

async function checkConfirmFiles(call: Call<EndpointName>, componentAppid: string, hosts: string[]) {
  for (const host of hosts) {
    if (!(await confirmFileAtRoot(call.tx, call.liveWeb, componentAppid, host))) fail(9410016);
  }
}

function applyAction(action: string, value: string[], hosts: string[]): string[] {
  if (action === 'set') return hosts;
  if (action === 'delete') return value.filter((host) => !hosts.includes(host));
  return [...value, ...hosts.filter((host) => !value.includes(host))];
}

/**
 * The response fields of a pool named `field` (docs/server-domain.md §3): `;`-joined values, `published_…` left out before the
 * first publish, `invalid_…` only when some host failed validation.
 */
function poolFields<F extends string>(field: F, answer: PoolAnswer) {
  return {
    ...(answer.published === null ? {} : { [`published_${field}`]: joinHosts(answer.published) }),
    [`testing_${field}`]: joinHosts(answer.testing),
    ...(answer.invalid.length === 0 ? {} : { [`invalid_${field}`]: joinHosts(answer.invalid) }),
  } as { [K in `testing_${F}`]: string } & { [K in `published_${F}` | `invalid_${F}`]?: string };
}
