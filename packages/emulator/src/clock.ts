import type { Store } from './store/index.js';

const OFFSET_KEY = 'clock_offset_ms';

/**
 * The one source of time. Emulated time = real time + an offset that the control plane moves; the offset is
 * stored so that tokens and quotas keep their meaning across a restart.
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly store: Store) {}

  async load(): Promise<void> {
    const row = await this.store.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', OFFSET_KEY)
      .executeTakeFirst();
    this.offsetMs = row ? Number(row.value) : 0;
  }

  /** Emulated Unix time in milliseconds. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Emulated Unix time in whole seconds. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  async advance(seconds: number): Promise<void> {
    await this.setOffset(this.offsetMs + seconds * 1000);
  }

  async set(unixSeconds: number): Promise<void> {
    await this.setOffset(unixSeconds * 1000 - Date.now());
  }

  async reset(): Promise<void> {
    await this.setOffset(0);
  }

  private async setOffset(offsetMs: number): Promise<void> {
    this.offsetMs = Math.round(offsetMs);
    await this.store.db
      .insertInto('meta')
      .values({ key: OFFSET_KEY, value: String(this.offsetMs) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(this.offsetMs) }))
      .execute();
  }
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Calendar day in China Standard Time, e.g. "2026-11-24": the period of daily quotas. */
export function chinaDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar month in China Standard Time, e.g. "2026-11": the period of monthly quotas. */
export function chinaMonth(ms: number): string {
  return chinaDay(ms).slice(0, 7);
}

/** Minute number since the epoch: the period of per-minute quotas. */
export function minuteOf(ms: number): string {
  return String(Math.floor(ms / 60_000));
}
