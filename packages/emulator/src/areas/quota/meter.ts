import { type EndpointDef, stableTokenHint } from '@wxlocal/api';
import { chinaDay, type Period } from '../../clock.js';

const DAY_MS = 24 * 3600 * 1000;

import {
  type AnsweredCall,
  type Caller,
  type ErrorAnswer,
  fail,
  type KeptError,
  type Meter,
} from '../../core/index.js';
import { readLimitsStamp } from '../../store/clock-offset.js';
import type { Store, Tx } from '../../store/index.js';
import { ENDED_PERIOD_KEPT_MS } from '../prune.js';
import { chargedAppid, defaultLimit, enforcedByDefault } from './limits.js';
import { RidStore } from './rids.js';
import { addUsage, operatorLimitOf, operatorLimits, storedUsage } from './store.js';

/** An executed call, as the meter charges it. */
export interface ExecutedCall {
  endpoint: EndpointDef;
  caller: Caller;
  request: object;
}

/** Counts of one counter not stored yet. */
interface Waiting {
  appid: string;
  path: string;
  day: Period;
  count: number;
}

/** The limits the operator set, as read at one version of the store. */
interface OperatorLimits {
  /** The store's version, or on a shared store the limits' stamp, they were read at. */
  seen: number | string | null | undefined;
  limits: Map<string, number>;
}

const keyOf = (appid: string, path: string, day: string) => `${appid} ${path} ${day}`;

/**
 * The daily API call meter (docs/quota.md §1). An enforced counter is counted in the call's own transaction,
 * so its limit is exact, across instances too; the others are counted in memory and stored every second,
 * which keeps them off the data plane's hot path. The limits the operator set are read once per version of
 * the store (every call where another process shares it).
 */
export class ApiMeter implements Meter {
  private waiting = new Map<string, Waiting>();
  private readonly rids: RidStore;
  private operator: OperatorLimits | undefined;
  private today: Period | undefined;
  /** Changes when the counts waiting no longer belong to the stored state. */
  private generation = 0;

  constructor(
    private readonly store: Store,
    /** `--api-quota enforce`: every counter is refused at its limit. */
    private readonly enforceAll: boolean,
  ) {
    this.rids = new RidStore(store);
  }

  /** The account an executed call is charged to, if it names one. */
  chargedFor(call: ExecutedCall): string | null {
    return chargedAppid(call.endpoint, call.caller, call.request);
  }

  /** A counter that is not enforced is answered at once, without a turn of promises, once the limits are known. */
  charge(
    tx: Tx,
    appid: string,
    path: string,
    now: number,
    limitsStamp?: string | null,
  ): boolean | Promise<boolean> {
    const limits = this.knownOperatorLimits(limitsStamp);
    if (limits && !this.limitFrom(limits.get(keyOf(appid, path, '')), path).enforced) return false;
    return this.chargeEnforced(tx, appid, path, now, limitsStamp);
  }

  private async chargeEnforced(
    tx: Tx,
    appid: string,
    path: string,
    now: number,
    limitsStamp: string | null | undefined,
  ): Promise<boolean> {
    const set = await this.cachedOperatorLimit(tx, appid, path, limitsStamp);
    const { daily_limit, enforced } = this.limitFrom(set, path);
    if (!enforced) return false;
    const day = chinaDay(now);
    const used = (await storedUsage(tx, appid, path, day.label)) + this.pending(appid, path, day.label);
    if (used >= daily_limit) fail(45009, path === '/cgi-bin/token' ? { hint: stableTokenHint } : {});
    await addUsage(tx, appid, path, day, 1, ENDED_PERIOD_KEPT_MS);
    return true;
  }

  countLater(appid: string, path: string, now: number): void {
    const day = this.dayOf(now);
    const key = keyOf(appid, path, day.label);
    const waiting = this.waiting.get(key);
    if (waiting) waiting.count++;
    else this.waiting.set(key, { appid, path, day, count: 1 });
  }

  /** The day of `now`, kept while it lasts: a call that is not enforced builds no date. */
  private dayOf(now: number): Period {
    if (!this.today || now >= this.today.end || now < this.today.end - DAY_MS) this.today = chinaDay(now);
    return this.today;
  }

  pending(appid: string, path: string, day: string): number {
    return this.waiting.get(keyOf(appid, path, day))?.count ?? 0;
  }

  forget(appid: string, paths: (path: string) => boolean = () => true): void {
    for (const [key, waiting] of this.waiting) {
      if (waiting.appid === appid && paths(waiting.path)) this.waiting.delete(key);
    }
  }

  /**
   * Drops every count not stored yet, those a flush is storing too: the state they were counted in is being
   * reset or replaced (called before and after).
   */
  forgetCounts(): void {
    this.waiting.clear();
    this.generation++;
  }

  /** Drops the counts and the error answers not stored yet: a reset. */
  forgetAll(): void {
    this.forgetCounts();
    this.rids.forget();
  }

  async limitOf(tx: Tx, appid: string, path: string): Promise<{ daily_limit: number; enforced: boolean }> {
    return this.limitFrom(await operatorLimitOf(tx, appid, path), path);
  }

  private limitFrom(set: number | undefined, path: string) {
    if (set !== undefined) return { daily_limit: set, enforced: true };
    return { daily_limit: defaultLimit(path), enforced: this.enforceAll || enforcedByDefault(path) };
  }

  keepError(answer: ErrorAnswer, call: AnsweredCall): void {
    this.rids.keep(answer, call);
  }

  findError(tx: Tx, rid: string): Promise<KeptError | undefined> {
    return this.rids.find(tx, rid);
  }

  /** Stores the counts and the error answers waiting. */
  async flush(): Promise<void> {
    await Promise.all([this.flushCounts(), this.rids.flush()]);
  }

  /** Stores the counts waiting, in one transaction; kept for the next time when it fails. */
  private async flushCounts(): Promise<void> {
    if (this.waiting.size === 0) return;
    const batch = this.waiting;
    const generation = this.generation;
    this.waiting = new Map();
    try {
      await this.store.transaction(async (tx) => {
        if (generation !== this.generation) return;
        for (const { appid, path, day, count } of batch.values()) {
          await addUsage(tx, appid, path, day, count, ENDED_PERIOD_KEPT_MS);
        }
      });
    } catch (error) {
      if (generation !== this.generation) throw error;
      for (const [key, waiting] of batch) {
        const later = this.waiting.get(key);
        this.waiting.set(key, later ? { ...waiting, count: waiting.count + later.count } : waiting);
      }
      throw error;
    }
  }

  /**
   * The limit the operator set on one counter, from the limits read once per version of the store (on a
   * shared store: per stamp of the limits, read with them in one transaction). Data-plane calls never change
   * these limits, so a call cannot leave a limit it rolled back here.
   */
  private async cachedOperatorLimit(
    tx: Tx,
    appid: string,
    path: string,
    limitsStamp: string | null | undefined,
  ): Promise<number | undefined> {
    const shared = this.store.shared;
    if (shared && limitsStamp === undefined) return operatorLimitOf(tx, appid, path);
    let limits = this.knownOperatorLimits(limitsStamp);
    if (!limits) {
      const stamp = shared ? await readLimitsStamp(tx) : this.store.version;
      const rows = await operatorLimits(tx);
      limits = new Map(rows.map((row) => [keyOf(row.appid, row.cgi_path, ''), row.daily_limit]));
      this.operator = { seen: stamp, limits };
    }
    return limits.get(keyOf(appid, path, ''));
  }

  /** The limits read before, while they still hold: undefined when they must be read (again). */
  private knownOperatorLimits(limitsStamp: string | null | undefined): Map<string, number> | undefined {
    const shared = this.store.shared;
    if (shared && limitsStamp === undefined) return undefined;
    const seen = shared ? limitsStamp : this.store.version;
    const operator = this.operator;
    return operator && operator.seen === seen ? operator.limits : undefined;
  }
}
