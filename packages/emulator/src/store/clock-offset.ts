import type { Db } from './index.js';

const OFFSET_KEY = 'clock_offset_ms';

/** The emulated clock's offset from real time, kept so tokens and quotas keep their meaning across a restart. */
export async function readClockOffset(db: Db): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', OFFSET_KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function writeClockOffset(db: Db, offsetMs: number): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key: OFFSET_KEY, value: String(offsetMs) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(offsetMs) }))
    .execute();
}
