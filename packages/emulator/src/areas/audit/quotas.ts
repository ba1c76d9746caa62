import { chinaDay, chinaMonth, type Period } from '../../clock.js';
import { fail } from '../../core/index.js';
import type { Db, PlatformRow } from '../../store/index.js';
import { consumeQuota, quotaUsed } from '../quota/store.js';

/**
 * The platform's audits and speed-ups a China-time month, shared by its Mini Programs, and each Mini Program's
 * undos (docs/code-management.md §7.1, §7.4–§7.6). Only successful calls count: each is used last.
 */

const audits = (platform: PlatformRow) => `code_audit:${platform.appid}:month`;
const speedups = (platform: PlatformRow) => `code_audit_speedup:${platform.appid}:month`;

/** Undos of one Mini Program: 5 a day and 10 a month ("每天的额度从0点开始生效"). */
const UNDOS_PER_DAY = 5;
const UNDOS_PER_MONTH = 10;

/** One use of a quota; a limit of 0 allows none (consumeQuota counts a first use whatever the limit). */
async function consume(db: Db, name: string, period: Period, limit: number): Promise<boolean> {
  return limit > 0 && consumeQuota(db, name, period, limit);
}

export async function useAuditQuota(db: Db, platform: PlatformRow, now: number): Promise<void> {
  if (!(await consume(db, audits(platform), chinaMonth(now), platform.audit_limit))) fail(85085);
}

export async function useSpeedupQuota(db: Db, platform: PlatformRow, now: number): Promise<void> {
  if (!(await consume(db, speedups(platform), chinaMonth(now), platform.speedup_limit))) fail(89405);
}

/** A failure after the day's count was taken rolls it back with the call. */
export async function useUndoQuota(db: Db, appid: string, now: number): Promise<void> {
  const today = await consumeQuota(db, `code_audit_undo:${appid}:day`, chinaDay(now), UNDOS_PER_DAY);
  if (!today || !(await consumeQuota(db, `code_audit_undo:${appid}:month`, chinaMonth(now), UNDOS_PER_MONTH)))
    fail(87013);
}

/** queryquota's answer: what is left of this month's quotas (never below 0 after a limit is lowered). */
export async function auditQuotaOf(db: Db, platform: PlatformRow, now: number) {
  const month = chinaMonth(now);
  const rest = async (name: string, limit: number) => Math.max(0, limit - (await quotaUsed(db, name, month)));
  return {
    rest: await rest(audits(platform), platform.audit_limit),
    limit: platform.audit_limit,
    speedup_rest: await rest(speedups(platform), platform.speedup_limit),
    speedup_limit: platform.speedup_limit,
  };
}
