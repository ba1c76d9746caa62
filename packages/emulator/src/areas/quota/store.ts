import type { Period } from '../../clock.js';
import { stampLimits } from '../../store/clock-offset.js';
import type { Db, RidRow } from '../../store/index.js';
import { preparedQuery, preparedRows } from '../../store/prepared.js';

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

/** Sets how much of a quota has been used in its period. */
export async function setQuotaUsed(db: Db, name: string, period: Period, used: number): Promise<void> {
  await db
    .insertInto('quota_counters')
    .values({ key: `${name}:${period.label}`, count: used, expires_at: period.end })
    .onConflict((oc) => oc.column('key').doUpdateSet({ count: used }))
    .execute();
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

// The daily API counters (`api_usage`, one row per account, API path and day in +08:00) and the limits the
// operator set (`api_limits`), docs/quota.md §1.

const usage = preparedQuery((db, appid: string, path: string, day: string) =>
  db
    .selectFrom('api_usage')
    .select('used')
    .where('appid', '=', appid)
    .where('cgi_path', '=', path)
    .where('day', '=', day),
);

/** Calls of one API stored for one account on `day` (its label). */
export async function storedUsage(db: Db, appid: string, path: string, day: string): Promise<number> {
  return (await usage(db, appid, path, day))?.used ?? 0;
}

/** Every counter of an account on `day`, by path. */
export async function usageOf(db: Db, appid: string, day: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('api_usage')
    .select(['cgi_path', 'used'])
    .where('appid', '=', appid)
    .where('day', '=', day)
    .execute();
  return new Map(rows.map((row) => [row.cgi_path, row.used]));
}

/** Adds `count` calls to a counter; the row may go `keptMs` after its day ended. */
export async function addUsage(
  db: Db,
  appid: string,
  path: string,
  day: Period,
  count: number,
  keptMs: number,
): Promise<void> {
  await db
    .insertInto('api_usage')
    .values({ appid, cgi_path: path, day: day.label, used: count, expires_at: day.end + keptMs })
    .onConflict((oc) =>
      oc
        .columns(['appid', 'cgi_path', 'day'])
        .doUpdateSet((eb) => ({ used: eb('api_usage.used', '+', count) })),
    )
    .execute();
}

/** Sets a counter to `used`. */
export async function setUsage(
  db: Db,
  appid: string,
  path: string,
  day: Period,
  used: number,
  keptMs: number,
): Promise<void> {
  await db
    .insertInto('api_usage')
    .values({ appid, cgi_path: path, day: day.label, used, expires_at: day.end + keptMs })
    .onConflict((oc) => oc.columns(['appid', 'cgi_path', 'day']).doUpdateSet({ used }))
    .execute();
}

/** Zeroes an account's counters of `day`, but those of `kept` paths. */
export async function clearUsage(db: Db, appid: string, day: string, kept: readonly string[]): Promise<void> {
  let query = db.deleteFrom('api_usage').where('appid', '=', appid).where('day', '=', day);
  if (kept.length > 0) query = query.where('cgi_path', 'not in', kept);
  await query.execute();
}

/** Drops the counters of days that ended (a few rows per account and API). */
export async function pruneUsage(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('api_usage').where('expires_at', '<=', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const allLimits = preparedRows((db) =>
  db.selectFrom('api_limits').select(['appid', 'cgi_path', 'daily_limit']),
);

/** Every limit the operator set. */
export function operatorLimits(db: Db): Promise<{ appid: string; cgi_path: string; daily_limit: number }[]> {
  return allLimits(db);
}

const operatorLimit = preparedQuery((db, appid: string, path: string) =>
  db.selectFrom('api_limits').select('daily_limit').where('appid', '=', appid).where('cgi_path', '=', path),
);

/** The limit the operator set on one counter, if any. */
export async function operatorLimitOf(db: Db, appid: string, path: string): Promise<number | undefined> {
  return (await operatorLimit(db, appid, path))?.daily_limit;
}

/** Sets (or with null removes) the operator's limit on one counter. */
export async function setOperatorLimit(
  db: Db,
  appid: string,
  path: string,
  dailyLimit: number | null,
): Promise<void> {
  // Every instance of a shared store reads the limits again.
  await stampLimits(db);
  if (dailyLimit === null) {
    await db.deleteFrom('api_limits').where('appid', '=', appid).where('cgi_path', '=', path).execute();
    return;
  }
  await db
    .insertInto('api_limits')
    .values({ appid, cgi_path: path, daily_limit: dailyLimit })
    .onConflict((oc) => oc.columns(['appid', 'cgi_path']).doUpdateSet({ daily_limit: dailyLimit }))
    .execute();
}

// The rid store (`rids`), docs/quota.md §4.

const ridInsert = preparedRows(
  (
    db,
    rid: string,
    owner: string | null,
    invoke_time: number,
    cost_in_ms: number,
    request_url: string,
    request_body: string,
    response_body: string,
    client_ip: string,
  ) =>
    db
      .insertInto('rids')
      .values({ rid, owner, invoke_time, cost_in_ms, request_url, request_body, response_body, client_ip })
      .onConflict((oc) => oc.column('rid').doNothing()),
);

/** Built once: a storm of refusals writes one row per refusal. */
export async function insertRid(db: Db, row: RidRow): Promise<void> {
  await ridInsert(
    db,
    row.rid,
    row.owner,
    row.invoke_time,
    row.cost_in_ms,
    row.request_url,
    row.request_body,
    row.response_body,
    row.client_ip,
  );
}

export function findRid(db: Db, rid: string): Promise<RidRow | undefined> {
  return db.selectFrom('rids').selectAll().where('rid', '=', rid).executeTakeFirst();
}

/** Drops up to `limit` rids from before `oldest` (Unix s) or beyond the newest `kept`; how many went. */
export async function pruneRidRows(db: Db, oldest: number, kept: number, limit: number): Promise<number> {
  const expired = await db
    .deleteFrom('rids')
    .where('rid', 'in', (eb) =>
      eb.selectFrom('rids').select('rid').where('invoke_time', '<', oldest).limit(limit),
    )
    .executeTakeFirst();
  const surplus = await db
    .deleteFrom('rids')
    .where('rid', 'in', (eb) =>
      eb
        .selectFrom('rids')
        .select('rid')
        .orderBy('invoke_time', 'desc')
        .orderBy('rid', 'desc')
        .offset(kept)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(expired.numDeletedRows) + Number(surplus.numDeletedRows);
}
