import type { Db } from '../../store/index.js';
import { eachKind, noDomains, type ServerDomains } from './entries.js';

/** A component keeps two pools (docs/server-domain.md §2): Mini Program server domains and jump (H5) domains. */
export type PoolName = 'server' | 'jump';

/** A pool's testing and published host lists as stored; absent until first written. */
export async function storedPool(db: Db, componentAppid: string, pool: PoolName) {
  const row = await db
    .selectFrom('domain_pools')
    .select(['testing', 'published'])
    .where('component_appid', '=', componentAppid)
    .where('pool', '=', pool)
    .executeTakeFirst();
  return (
    row && { testing: JSON.parse(row.testing) as string[], published: JSON.parse(row.published) as string[] }
  );
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

/** A publish (全网发布) puts the testing value of every pool in force for all accounts (docs/server-domain.md §2). */
export async function publishDomainPools(db: Db, componentAppid: string): Promise<void> {
  await db
    .updateTable('domain_pools')
    .set((eb) => ({ published: eb.ref('testing') }))
    .where('component_appid', '=', componentAppid)
    .execute();
}

/**
 * A Mini Program's four sets of server domains (docs/server-domain.md §5.2): `mp` from the MP admin console,
 * `third` from modify_domain, `direct` from modify_domain_directly, `effective` from the last release (null
 * before the first one, when the `mp` set is in force).
 */
export interface ServerDomainSets {
  mp: ServerDomains;
  third: ServerDomains;
  direct: ServerDomains;
  effective: ServerDomains | null;
}

/** The set in force: the last release's, or the `mp` set before the first one. */
export const inForce = (sets: ServerDomainSets) => sets.effective ?? sets.mp;

export async function serverDomainsOf(db: Db, appid: string): Promise<ServerDomainSets> {
  const row = await db.selectFrom('server_domains').selectAll().where('appid', '=', appid).executeTakeFirst();
  if (!row) return { mp: noDomains(), third: noDomains(), direct: noDomains(), effective: null };
  return {
    mp: fromJson(row.mp),
    third: fromJson(row.third),
    direct: fromJson(row.direct),
    effective: row.effective === null ? null : fromJson(row.effective),
  };
}

export async function saveServerDomains(db: Db, appid: string, sets: ServerDomainSets): Promise<void> {
  const row = {
    mp: JSON.stringify(sets.mp),
    third: JSON.stringify(sets.third),
    direct: JSON.stringify(sets.direct),
    effective: sets.effective === null ? null : JSON.stringify(sets.effective),
  };
  await db
    .insertInto('server_domains')
    .values({ appid, ...row })
    .onConflict((oc) => oc.column('appid').doUpdateSet(row))
    .execute();
}

/** Every kind present, in WeChat's order. */
function fromJson(text: string): ServerDomains {
  const stored = JSON.parse(text) as Partial<ServerDomains>;
  return eachKind((kind) => stored[kind] ?? []);
}
