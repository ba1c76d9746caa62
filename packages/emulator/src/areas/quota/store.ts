import type { Db } from '../../store/index.js';

/**
 * Counts one use of a quota and tells whether it was still available. The key names the quota and its period
 * (e.g. `stable_token:wx…:day:2026-11-24`), so a new period starts from zero. Call it last, inside the call's
 * transaction: a call that fails afterwards rolls its count back.
 */
export async function consumeQuota(db: Db, key: string, limit: number): Promise<boolean> {
  const row = await db.selectFrom('quota_counters').select('count').where('key', '=', key).executeTakeFirst();
  if (row && row.count >= limit) return false;
  await db
    .insertInto('quota_counters')
    .values({ key, count: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb('quota_counters.count', '+', 1) })))
    .execute();
  return true;
}

/** How much of a quota has been used in its period. */
export async function quotaUsed(db: Db, key: string): Promise<number> {
  const row = await db.selectFrom('quota_counters').select('count').where('key', '=', key).executeTakeFirst();
  return row?.count ?? 0;
}
