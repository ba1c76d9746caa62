import { chinaDay, chinaMonth } from '../../clock.js';
import { fail, type Scope } from '../../core/index.js';
import { ENDED_PERIOD_KEPT_MS } from '../prune.js';
import { NEVER_CLEARED } from './limits.js';
import {
  clearUsage,
  consumeQuota,
  quotaUsed,
  setQuotaUsed,
  setUsage,
  storedUsage,
  usageOf,
} from './store.js';

/**
 * An account's daily counters as getApiQuota and the control plane show them (stored and waiting counts
 * together), and the clears that reset them (docs/quota.md §1, §3).
 */

/** Effective clears per account and month, shared by the four clear endpoints (docs/quota.md §3.1). */
export const CLEARS_PER_MONTH = 10;
/** Single-API clears per account and month (docs/quota.md §3.6). */
export const API_CLEARS_PER_MONTH = 50;

export const clearsQuota = (appid: string) => `clears:${appid}`;
export const apiClearsQuota = (appid: string) => `api_clears:${appid}`;

/** Today's count of one counter. */
export async function usedToday({ tx, now, meter }: Scope, appid: string, path: string): Promise<number> {
  const day = chinaDay(now).label;
  return (await storedUsage(tx, appid, path, day)) + meter.pending(appid, path, day);
}

/** Today's counts of an account, by path, waiting ones included. */
export async function usageToday(
  { tx, now, meter }: Scope,
  appid: string,
  paths: Iterable<string>,
): Promise<Map<string, number>> {
  const day = chinaDay(now).label;
  const used = await usageOf(tx, appid, day);
  for (const path of paths) {
    const waiting = meter.pending(appid, path, day);
    if (waiting > 0) used.set(path, (used.get(path) ?? 0) + waiting);
  }
  return used;
}

/** Sets today's count of one counter (the control plane's `used`). */
export async function setUsedToday({ tx, now, meter }: Scope, appid: string, path: string, used: number) {
  meter.forget(appid, (waiting) => waiting === path);
  await setUsage(tx, appid, path, chinaDay(now), used, ENDED_PERIOD_KEPT_MS);
}

/**
 * One effective clear of `appid`'s counters: every one of today but `/cgi-bin/token` and `stable_token`;
 * the 11th of the month answers 48006 and resets nothing.
 */
export async function clearAccount(scope: Scope, appid: string): Promise<void> {
  const { tx, now, meter } = scope;
  if (!(await consumeQuota(tx, clearsQuota(appid), chinaMonth(now), CLEARS_PER_MONTH))) fail(48006);
  const kept: readonly string[] = NEVER_CLEARED;
  meter.forget(appid, (path) => !kept.includes(path));
  await clearUsage(tx, appid, chinaDay(now).label, kept);
}

/** One single-API clear (50 a month). */
export async function clearOneApi(scope: Scope, appid: string, path: string): Promise<void> {
  const { tx, now } = scope;
  if (!(await consumeQuota(tx, apiClearsQuota(appid), chinaMonth(now), API_CLEARS_PER_MONTH))) fail(48006);
  await setUsedToday(scope, appid, path, 0);
}

/** The month's clears of each kind used so far. */
export async function clearsUsed({ tx, now }: Scope, appid: string) {
  const month = chinaMonth(now);
  return {
    clears: await quotaUsed(tx, clearsQuota(appid), month),
    apiClears: await quotaUsed(tx, apiClearsQuota(appid), month),
  };
}

/** Sets the month's clears used (the control plane). */
export async function setClearsUsed({ tx, now }: Scope, name: string, used: number): Promise<void> {
  await setQuotaUsed(tx, name, chinaMonth(now), used);
}
