import type { EndpointDef } from '@wxlocal/api';
import type { RidRow, Tx } from '../store/index.js';

/** An error answer as `rid/get` returns it (docs/quota.md §4). */
export interface ErrorAnswer {
  rid: string;
  /** Unix seconds: the rid's first group. */
  invokeTime: number;
  costMs: number;
  /** The query string as received, without `?`. */
  requestUrl: string;
  requestBody: string;
  /** The exact JSON text sent, rid included. */
  responseBody: string;
  clientIp: string;
}

/** An error answer as kept: rid/get's fields and whose call it was. */
export type KeptError = RidRow;

/** The call an error answered, for deciding whose rid it is. */
export interface AnsweredCall {
  endpoint: EndpointDef;
  query: Record<string, string>;
  /** The body's fields when it was a JSON object. */
  fields: Record<string, unknown>;
}

/**
 * The API call meter and the rid store (src/areas/quota, docs/quota.md). The wire layer reports each executed
 * call and each error answer to it; the quota endpoints and control routes read and clear it.
 */
export interface Meter {
  /**
   * Counts an executed call inside its transaction when its counter is enforced, refusing it with 45009 at
   * the limit; answers false when the counter is not enforced, to be counted with `countLater`. On a shared
   * store, `limitsStamp` is the stamp of the operator's limits read before the call, if it was.
   */
  charge(
    tx: Tx,
    appid: string,
    path: string,
    now: number,
    limitsStamp?: string | null,
  ): boolean | Promise<boolean>;
  /** Counts a call whose counter is not enforced, once it has committed; stored within a second. */
  countLater(appid: string, path: string, now: number): void;
  /** Counts not stored yet of one counter on the day `day` (its label). */
  pending(appid: string, path: string, day: string): number;
  /** Drops the counts not stored yet of `appid` (those of `paths` only, when given): a clear or a `used` set. */
  forget(appid: string, paths?: (path: string) => boolean): void;
  /** The daily limit of one counter, and whether a call past it is refused. */
  limitOf(tx: Tx, appid: string, path: string): Promise<{ daily_limit: number; enforced: boolean }>;
  /** Keeps an error answer for rid/get. */
  keepError(answer: ErrorAnswer, call: AnsweredCall): void;
  /** The error answer kept under `rid`. */
  findError(tx: Tx, rid: string): Promise<KeptError | undefined>;
}
