import { chinaMonth, secondOf } from '../../clock.js';
import { fail } from '../../core/index.js';
import type { Db } from '../../store/index.js';
import { consumeQuota, quotaUsed } from '../quota/store.js';

/** Limits of docs/qrcode-jump.md §8. */
export const RULES_PER_MINI_PROGRAM = 100;
export const RULES_PER_SERVICE_ACCOUNT = 10_000;
export const MAX_DEBUG_URLS = 5;
export const CALLS_PER_SECOND = 5;
export const PUBLISHES_PER_MONTH = 100;
export const MAX_PREFIX_LIST = 200;
export const MAX_PAGE_SIZE = 200;

/** More than 5 calls in one second on the family, per account → 44990 (checked last, like every quota). */
export async function throttle(db: Db, appid: string, now: number): Promise<void> {
  if (!(await consumeQuota(db, `qrcodejump:${appid}:second`, secondOf(now), CALLS_PER_SECOND))) fail(44990);
}

const publishes = (appid: string) => `qrcodejump_publish:${appid}:month`;

/** Publishes left this China-time month, as `qrcodejump_pub_quota` reports them. */
export async function publishesLeft(db: Db, appid: string, now: number): Promise<number> {
  return PUBLISHES_PER_MONTH - (await quotaUsed(db, publishes(appid), chinaMonth(now)));
}

/** One of the 100 publishes a month (886000 when used up); deleting rules never gives one back. */
export async function usePublish(db: Db, appid: string, now: number): Promise<void> {
  if (!(await consumeQuota(db, publishes(appid), chinaMonth(now), PUBLISHES_PER_MONTH))) fail(886000);
}
