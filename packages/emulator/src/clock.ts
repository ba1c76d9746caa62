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
const DAY_MS = 24 * 3600 * 1000;

/** A quota period: the label its counter is kept under and when it ends (Unix ms). */
export interface Period {
  label: string;
  end: number;
}

/** Calendar day in China Standard Time, e.g. "2026-11-24": the period of daily quotas. */
export function chinaDay(ms: number): Period {
  const start = Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS;
  return { label: new Date(start).toISOString().slice(0, 10), end: start + DAY_MS - CHINA_OFFSET_MS };
}

/** Calendar month in China Standard Time, e.g. "2026-11": the period of monthly quotas. */
export function chinaMonth(ms: number): Period {
  const day = new Date(ms + CHINA_OFFSET_MS);
  const end = Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1) - CHINA_OFFSET_MS;
  return { label: day.toISOString().slice(0, 7), end };
}

/** Minute number since the epoch: the period of per-minute quotas. */
export function minuteOf(ms: number): Period {
  const minute = Math.floor(ms / 60_000);
  return { label: String(minute), end: (minute + 1) * 60_000 };
}

/** Second number since the epoch: the period of per-second quotas. */
export function secondOf(ms: number): Period {
  const second = Math.floor(ms / 1000);
  return { label: String(second), end: (second + 1) * 1000 };
}
