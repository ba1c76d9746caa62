import { chinaMonth } from '../../clock.js';
import type { Db, PlatformRow } from '../../store/index.js';
import { findPlatform } from '../accounts/store.js';
import { consumeQuota } from '../quota/store.js';
import { type PoolName, storedPool } from './store.js';

/** The two values of a pool; `published` is null while the component has never been published (全网发布). */
export interface DomainPool {
  testing: string[];
  published: string[] | null;
}

export async function domainPoolOf(db: Db, platform: PlatformRow, pool: PoolName): Promise<DomainPool> {
  const stored = await storedPool(db, platform.appid, pool);
  const testing = stored?.testing ?? [];
  if (platform.published !== 1) return { testing, published: null };
  return { testing, published: stored?.published ?? [] };
}

/**
 * The hosts of a component's pool that serve a Mini Program (docs/server-domain.md §2): the testing value for
 * accounts on the component's authorization test list, the published value (none before publishing) for
 * everyone else.
 */
async function poolServing(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
  pool: PoolName,
): Promise<string[]> {
  const platform = await findPlatform(db, componentAppid);
  if (!platform) return [];
  const value = await domainPoolOf(db, platform, pool);
  const testAccounts = JSON.parse(platform.test_accounts) as string[];
  return testAccounts.includes(authorizerAppid) ? value.testing : (value.published ?? []);
}

/** The component's jump-domain hosts that serve this Mini Program. */
export function jumpDomainPoolFor(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
): Promise<string[]> {
  return poolServing(db, componentAppid, authorizerAppid, 'jump');
}

/** The component's server-domain hosts that serve this Mini Program. */
export function serverDomainPoolFor(
  db: Db,
  componentAppid: string,
  authorizerAppid: string,
): Promise<string[]> {
  return poolServing(db, componentAppid, authorizerAppid, 'server');
}

/** "每月可提交修改申请50次": one counter per Mini Program, shared by both modify endpoints (86102 beyond). */
export const SERVER_DOMAIN_CHANGES_PER_MONTH = 50;
export const useMonthlyChange = (db: Db, appid: string, now: number) =>
  consumeQuota(db, `server_domain:${appid}:month`, chinaMonth(now), SERVER_DOMAIN_CHANGES_PER_MONTH);
