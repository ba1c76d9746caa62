import { t } from './i18n.ts';

const CHINA_OFFSET = 8 * 3600;

/** A Unix time as China time (UTC+8), the time zone WeChat's months and quotas follow. */
export function chinaTime(unix: number): string {
  return new Date((unix + CHINA_OFFSET) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The Unix time of a `YYYY-MM-DDTHH:MM[:SS]` read as China time, or undefined when it is not one. */
export function parseChinaTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second) / 1000 - CHINA_OFFSET;
}

/** The first second of the next calendar month in China time. */
export function nextChinaMonth(unix: number): number {
  const china = new Date((unix + CHINA_OFFSET) * 1000);
  return Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 1) / 1000 - CHINA_OFFSET;
}

/** A length of time in its two largest units: "1 d 2 h", "59 min 3 s". */
export function duration(seconds: number): string {
  const units = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ] as const;
  let left = Math.max(0, Math.round(seconds));
  const counts = units.map(([unit, size]) => {
    const count = Math.floor(left / size);
    left -= count * size;
    return { unit, count };
  });
  const largest = counts.findIndex(({ count }) => count > 0);
  const first = largest < 0 ? counts.length - 1 : largest;
  return counts
    .slice(first, first + 2)
    .filter(({ count }, index) => index === 0 || count > 0)
    .map(({ unit, count }) => t(unit, { n: count }))
    .join(' ');
}

/** What a fault rule does, or what a faulted call got (the journal's `fault`), in a few words. */
export interface FaultEffect {
  errcode?: number | null;
  status?: number | null;
  network?: 'reset' | 'malformed' | 'hang' | null;
  hang_ms?: number | null;
  latency_ms?: number | { min: number; max: number } | null;
  after_commit?: boolean;
}

export function faultEffect(fault: FaultEffect): string {
  const parts: string[] = [];
  const latency = fault.latency_ms;
  if (latency !== undefined && latency !== null)
    parts.push(
      t('fault.latency', { ms: typeof latency === 'number' ? latency : `${latency.min}–${latency.max}` }),
    );
  if (typeof fault.errcode === 'number') parts.push(t('fault.errcode', { errcode: fault.errcode }));
  else if (typeof fault.status === 'number') parts.push(`HTTP ${fault.status}`);
  else if (fault.network === 'hang' && typeof fault.hang_ms === 'number')
    parts.push(t('fault.hangFor', { ms: fault.hang_ms }));
  else if (fault.network) parts.push(t(`fault.${fault.network}`));
  if (fault.after_commit) parts.push(t('fault.afterCommit'));
  return parts.join(' · ');
}
