/**
 * The one source of time. Emulated time = real time + an offset that the control plane moves. The clock only
 * keeps time: the runtime stores the offset (in a transaction) so that it survives a restart.
 */
export class Clock {
  constructor(private offsetMs = 0) {}

  /** Emulated Unix time in milliseconds. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Emulated Unix time in whole seconds. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** The offset that moves the clock by `seconds`. */
  offsetAfterAdvance(seconds: number): number {
    return Math.round(this.offsetMs + seconds * 1000);
  }

  /** The offset that sets the clock to `unixSeconds`. */
  offsetAt(unixSeconds: number): number {
    return Math.round(unixSeconds * 1000 - Date.now());
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
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
