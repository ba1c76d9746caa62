import type { Db } from '../../store/index.js';
import { findPlatform, type PlatformRow } from '../accounts/platforms.js';

/** A component keeps two pools (server-domain.md §2): Mini Program server domains and jump (H5) domains. */
export type PoolName = 'server' | 'jump';

/** The two values of a pool; `published` is null while the component has never been published (全网发布). */
export interface DomainPool {
  testing: string[];
  published: string[] | null;
}

export async function domainPoolOf(db: Db, platform: PlatformRow, pool: PoolName): Promise<DomainPool> {
  const row = await db
    .selectFrom('domain_pools')
    .select(['testing', 'published'])
    .where('component_appid', '=', platform.appid)
    .where('pool', '=', pool)
    .executeTakeFirst();
  const testing: string[] = row ? JSON.parse(row.testing) : [];
  if (platform.published !== 1) return { testing, published: null };
  return { testing, published: row ? JSON.parse(row.published) : [] };
}

/** Writes the testing value, and the published one when given. */
export async function saveDomainPool(
  db: Db,
  componentAppid: string,
  pool: PoolName,
  testing: string[],
  published?: string[],
): Promise<void> {
  const changes = {
    testing: JSON.stringify(testing),
    ...(published ? { published: JSON.stringify(published) } : {}),
  };
  await db
    .insertInto('domain_pools')
    .values({ component_appid: componentAppid, pool, published: '[]', ...changes })
    .onConflict((oc) => oc.columns(['component_appid', 'pool']).doUpdateSet(changes))
    .execute();
}

/** A publish (全网发布) puts the testing value of every pool in force for all accounts (§2, default). */
export async function publishDomainPools(db: Db, componentAppid: string): Promise<void> {
  await db
    .updateTable('domain_pools')
    .set((eb) => ({ published: eb.ref('testing') }))
    .where('component_appid', '=', componentAppid)
    .execute();
}

/**
 * The hosts of a component's pool that serve a Mini Program (§2): the testing value for accounts on the
 * component's authorization test list, the published value (none before publishing) for everyone else.
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
