import { randomBytes } from 'node:crypto';
import type { Db, Store } from './index.js';

const OFFSET_KEY = 'clock_offset_ms';
/** Changes whenever the operator's API limits may have: with a restore, an import or a limit set. */
const LIMITS_STAMP_KEY = 'api_limits_stamp';

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

/**
 * Where the store is shared, another instance may have moved the clock: its offset is read again before each
 * call is served, so no call sees a clock older than a move already answered (docs/shared-mode.md).
 */
export async function syncClock(store: Store, clock: { setOffset(offsetMs: number): void }): Promise<void> {
  if (store.shared) clock.setOffset(await readClockOffset(store.db));
}

/** What an instance of a shared store reads before each data-plane call. */
export interface SharedView {
  /** Whether any fault rule is armed, by this instance or another. */
  mayFire: boolean;
  /** The stamp of the API limits the operator set (`stampLimits`); null until one is set. */
  limitsStamp: string | null;
}

/**
 * What an instance of a shared store reads before each data-plane call, in one query: the clock's offset
 * (as `syncClock`), whether any fault rule is armed, and the stamp of the API limits.
 */
export async function syncSharedView(
  store: Store,
  clock: { setOffset(offsetMs: number): void },
): Promise<SharedView> {
  const view = await store.db
    .selectNoFrom((eb) => [
      eb.selectFrom('meta').select('value').where('key', '=', OFFSET_KEY).as('offset'),
      eb.selectFrom('fault_rules').select(eb.fn.countAll<number>().as('rules')).as('rules'),
      eb.selectFrom('meta').select('value').where('key', '=', LIMITS_STAMP_KEY).as('stamp'),
    ])
    .executeTakeFirstOrThrow();
  clock.setOffset(Number(view.offset ?? 0));
  return { mayFire: Number(view.rules) > 0, limitsStamp: view.stamp ?? null };
}

/** A new stamp of the API limits: every instance reads them again before its next call. */
export async function stampLimits(db: Db): Promise<void> {
  const stamp = randomBytes(8).toString('hex');
  await db
    .insertInto('meta')
    .values({ key: LIMITS_STAMP_KEY, value: stamp })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: stamp }))
    .execute();
}

/** The stamp of the API limits as the transaction `db` sees them. */
export async function readLimitsStamp(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', LIMITS_STAMP_KEY)
    .executeTakeFirst();
  return row?.value ?? null;
}

/**
 * The emulated time by the offset the store holds, read in the transaction `db`: for what the clock alone
 * decides (pruning, decisions that fell due, ticket rotations), which another instance may have moved, even
 * back, since this one last read it.
 */
export async function storedNow(
  clock: { real(): number; now(): number; allows(offsetMs: number): boolean },
  db: Db,
): Promise<number> {
  const offset = await readClockOffset(db);
  // One the clock would not take (from an older version) is not the clock's.
  return clock.allows(offset) ? clock.real() + offset : clock.now();
}
