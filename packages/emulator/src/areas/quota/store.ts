import type { Period } from '../../clock.js';
import type { Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';

/**
 * Counts one use of a quota and tells whether it was still available. `name` names the quota, and its
 * period's label completes the key (e.g. `stable_token:wx…:day:2026-11-24`), so a new period starts from zero;
 * the counter is dropped once its period has ended. Call it last, inside the call's transaction: a call that
 * fails afterwards rolls its count back.
 */
const counter = preparedQuery((db, key: string) =>
  db.selectFrom('quota_counters').select('count').where('key', '=', key),
);

export async function consumeQuota(db: Db, name: string, period: Period, limit: number): Promise<boolean> {
  const key = `${name}:${period.label}`;
  const row = await counter(db, key);
  if (row && row.count >= limit) return false;
  await db
    .insertInto('quota_counters')
    .values({ key, count: 1, expires_at: period.end })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb('quota_counters.count', '+', 1) })))
    .execute();
  return true;
}

/** How much of a quota has been used in its period. */
export async function quotaUsed(db: Db, name: string, period: Period): Promise<number> {
  const row = await db
    .selectFrom('quota_counters')
    .select('count')
    .where('key', '=', `${name}:${period.label}`)
    .executeTakeFirst();
  return row?.count ?? 0;
}

/** Drops up to `limit` counters whose period ended; how many went. */
export async function pruneQuotas(db: Db, now: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('quota_counters')
    .where('key', 'in', (eb) =>
      eb.selectFrom('quota_counters').select('key').where('expires_at', '<=', now).limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
