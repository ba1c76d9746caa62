import type { Db } from './index.js';
import type { OutboxRow } from './schema.js';

/** A message to push: an authorization event, or with `authorizer_appid` an authorizer's message event. */
export interface OutboxMessage {
  component_appid: string;
  authorizer_appid: string | null;
  fields: string;
}

/** Queues messages after every one queued before, in the transaction that asked for them. */
export async function queuePushes(db: Db, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  let seq = await lastSeq(db, 'push_outbox');
  const rows = messages.map((message) => ({ ...message, seq: ++seq, claimed_until: null, attempts: 0 }));
  await db.insertInto('push_outbox').values(rows).execute();
}

/**
 * Claims, until `until`, the first waiting push of each platform that nobody holds (or whose holder's claim
 * ran out: that instance stopped mid-delivery). A platform's later pushes wait for its first one.
 */
export async function claimPushes(db: Db, now: number, until: number): Promise<OutboxRow[]> {
  const heads = await db
    .selectFrom('push_outbox as o')
    .selectAll()
    .where('o.seq', '=', (eb) =>
      eb
        .selectFrom('push_outbox as p')
        .select((p) => p.fn.min('p.seq').as('seq'))
        .whereRef('p.component_appid', '=', 'o.component_appid'),
    )
    .where((eb) => eb.or([eb('o.claimed_until', 'is', null), eb('o.claimed_until', '<', now)]))
    .orderBy('o.seq')
    .execute();
  for (const head of heads) {
    head.attempts++;
    head.claimed_until = until;
    await db
      .updateTable('push_outbox')
      .set({ claimed_until: until, attempts: head.attempts })
      .where('seq', '=', head.seq)
      .execute();
  }
  return heads;
}

/**
 * Ends a claimed push: out of the outbox, and its delivery (none when the platform had no URL for it) into the
 * log, which keeps the last `keep`.
 */
export async function finishPush(
  db: Db,
  seq: number,
  record: object | undefined,
  keep: number,
): Promise<void> {
  await db.deleteFrom('push_outbox').where('seq', '=', seq).execute();
  if (!record) return;
  const logged = (await lastSeq(db, 'push_log')) + 1;
  await db
    .insertInto('push_log')
    .values({ seq: logged, record: JSON.stringify(record) })
    .execute();
  await db
    .deleteFrom('push_log')
    .where('seq', '<=', logged - keep)
    .execute();
}

/** The last `limit` deliveries, newest first. */
export async function recentPushes(db: Db, limit: number): Promise<unknown[]> {
  const rows = await db.selectFrom('push_log').select('record').orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((row) => JSON.parse(row.record));
}

async function lastSeq(db: Db, table: 'push_outbox' | 'push_log'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
