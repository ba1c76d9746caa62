/**
 * The one source of time. Emulated time = real time + an offset that the control plane moves. The clock only
 * keeps time: the runtime stores the offset (in a transaction) so that it survives a restart.
 */
export class Clock {
  private offsetMs: number;

  /** An offset that would put the time outside EMULATED_TIME is dropped (one from an older version). */
  constructor(offsetMs = 0) {
    this.offsetMs = inEmulatedTime(Date.now() + offsetMs) ? offsetMs : 0;
  }

  /** Emulated Unix time in milliseconds. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /**
   * Real Unix time in milliseconds, for what emulated time must not move: how long an instance holds a push it
   * delivers (docs/shared-mode.md §4), the order of a shared journal's calls (§5).
   */
  real(): number {
    return Date.now();
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

  /** Whether this offset keeps the emulated time within EMULATED_TIME. */
  allows(offsetMs: number): boolean {
    return inEmulatedTime(Date.now() + offsetMs);
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}

/**
 * The range of emulated time, Unix seconds: 2000-01-01 to 2099-12-31 (UTC). Moves outside it are refused;
 * inside it time may move back as well as forward (docs/wire-protocol.md §8).
 */
export const EMULATED_TIME = { min: 946_684_800, max: 4_102_444_799 };

function inEmulatedTime(ms: number): boolean {
  return ms >= EMULATED_TIME.min * 1000 && ms < (EMULATED_TIME.max + 1) * 1000;
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
