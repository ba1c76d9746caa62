import { sql } from 'kysely';
import type { Db } from './index.js';

/** One call of a shared store's request journal; `record` is its JSON. */
export interface JournalRow {
  rid: string;
  appid: string | null;
  endpoint: string;
  errcode: number;
  record: string;
  answered_ms: number;
}

export interface JournalRowFilter {
  appid?: string;
  endpoint?: string;
  errcode?: number;
  /** Part of the rid. */
  rid?: string;
}

/** Appends calls after every one kept, then forgets all but the last `keep`. */
export async function appendJournal(db: Db, rows: JournalRow[], keep: number): Promise<void> {
  const last = await db
    .selectFrom('request_journal')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  await db
    .insertInto('request_journal')
    .values(rows.map((row) => ({ ...row, seq: ++seq })))
    .execute();
  await db
    .deleteFrom('request_journal')
    .where('seq', '<=', seq - keep)
    .execute();
}

/** The records of the `limit` most recent calls that pass the filter, the last answered first. */
export async function journalRecords(db: Db, limit: number, filter: JournalRowFilter): Promise<string[]> {
  let query = db
    .selectFrom('request_journal')
    .select('record')
    .orderBy('answered_ms', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit);
  if (filter.appid !== undefined) query = query.where('appid', '=', filter.appid);
  if (filter.endpoint !== undefined) query = query.where('endpoint', '=', filter.endpoint);
  if (filter.errcode !== undefined) query = query.where('errcode', '=', filter.errcode);
  if (filter.rid !== undefined) {
    const pattern = `%${filter.rid.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where(sql<boolean>`rid like ${pattern} escape '\\'`);
  }
  return (await query.execute()).map((row) => row.record);
}

export async function journalRecord(db: Db, rid: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('request_journal')
    .select('record')
    .where('rid', '=', rid)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row?.record;
}
