import type { Db } from './index.js';
import type { TableRows } from './state.js';

export interface ShelvedSnapshot {
  id: string;
  created_at: number;
  clockOffsetMs: number;
  tables: TableRows;
}

export async function shelveSnapshot(db: Db, snapshot: ShelvedSnapshot): Promise<void> {
  await db
    .insertInto('snapshots')
    .values({
      id: snapshot.id,
      created_at: snapshot.created_at,
      clock_offset_ms: snapshot.clockOffsetMs,
      tables: JSON.stringify(snapshot.tables),
    })
    .execute();
}

export async function shelvedSnapshot(db: Db, id: string): Promise<ShelvedSnapshot | undefined> {
  const row = await db.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      created_at: row.created_at,
      clockOffsetMs: row.clock_offset_ms,
      tables: JSON.parse(row.tables),
    }
  );
}

export function shelvedSnapshots(db: Db): Promise<{ id: string; created_at: number }[]> {
  return db
    .selectFrom('snapshots')
    .select(['id', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Whether there was such a snapshot. */
export async function unshelveSnapshot(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('snapshots').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
