import { randomBytes } from 'node:crypto';
import { type ControlResponseOf, type ErrCode, errors } from '@wxlocal/api';
import {
  countFaultDraw,
  deleteFaultRule,
  deleteFaultRules,
  fireFaultRule,
  insertFaultRule,
  listFaultRules,
} from '../store/fault-rules.js';
import type { FaultRuleRow, Store, Tx } from '../store/index.js';

export type FaultRule = ControlResponseOf<'faults.inject'>;
export type Latency = number | { min: number; max: number };
type FaultNetwork = 'reset' | 'malformed' | 'hang';

/** A rule as armed: what it matches and does, before it has fired. */
export type FaultRuleSpec = Omit<FaultRule, 'id' | 'fired' | 'remaining' | 'created_at'>;

/** What replaces the answer of a call a rule fired on. */
export type FaultEffect =
  | { errcode: ErrCode }
  | { status: number }
  | { network: FaultNetwork; hangMs: number };

/** A rule that fired on a call. */
export interface FaultHit {
  id: string;
  afterCommit: boolean;
  /** The delay before the call goes on; null when the rule has none. */
  latencyMs: number | null;
  effect: FaultEffect | null;
  /** The account the call is made for (see `take`). */
  appid: string | null;
}

/** The journal's mark of a call a rule fired on: the rule and what the caller got. */
export type FaultMark = NonNullable<ControlResponseOf<'requests.get'>['fault']>;

export const DEFAULT_HANG_MS = 30_000;
/** Seeds are 32-bit: the generator's state. */
export const MAX_SEED = 0xffff_ffff;
/** Latencies drawn between min and max come from a stream of their own, apart from the firing draws. */
const LATENCY_STREAM = 0x5bd1_e995;

/**
 * Fault rules (docs/faults.md): stored in the database like any state, and viewed here in memory so that a
 * call no rule can match costs a look at a set (a shared store's instance asks the database instead, since
 * another instance may arm one: docs/shared-mode.md §5). Everything that changes the rules (these methods, reset,
 * snapshot restores, state imports) refreshes the view; firing always goes through the database.
 */
export class Faults {
  /** The endpoints some rule names ("*" for every one). */
  private endpoints = new Set<string>();

  constructor(private readonly store: Store) {}

  /** Whether a rule might fire on a call of this endpoint; false costs the call nothing more. */
  mayFire(endpoint: string): boolean {
    return this.endpoints.size !== 0 && (this.endpoints.has('*') || this.endpoints.has(endpoint));
  }

  /**
   * The first rule, in the order they were added, that matches the call and fires, taken in a short
   * transaction of its own before the call's: its draw and its count are updated there, so a `count` holds
   * under any concurrency and a seed replays. `accountOf` reads the account the call is made for, only when a
   * rule asks for one.
   */
  take(endpoint: string, accountOf: (tx: Tx) => Promise<string | null>): Promise<FaultHit | undefined> {
    return this.store.transaction(async (tx) => {
      const rules = await listFaultRules(tx);
      let account: Promise<string | null> | undefined;
      const callAccount = () => {
        account ??= accountOf(tx);
        return account;
      };
      for (const rule of rules) {
        if (rule.endpoint !== '*' && rule.endpoint !== endpoint) continue;
        if (rule.appid !== null && rule.appid !== (await callAccount())) continue;
        if (!(await draw(tx, rule))) continue;
        const fired = await fireFaultRule(tx, rule.id);
        if (!fired) continue;
        const retired = fired.count !== null && fired.fired >= fired.count;
        if (retired) await deleteFaultRule(tx, rule.id);
        this.see(retired ? rules.filter((other) => other !== rule) : rules);
        return hitOf(fired, await callAccount());
      }
      this.see(rules);
      return undefined;
    });
  }

  async arm(spec: FaultRuleSpec, now: number): Promise<FaultRule> {
    const row = await this.change((tx) =>
      insertFaultRule(tx, {
        ...spec,
        id: randomBytes(4).toString('hex'),
        latency_ms: spec.latency_ms === null ? null : JSON.stringify(spec.latency_ms),
        after_commit: spec.after_commit ? 1 : 0,
        draws: 0,
        fired: 0,
        created_at: now,
      }),
    );
    return ruleOf(row);
  }

  async list(): Promise<FaultRule[]> {
    return (await this.store.transaction(listFaultRules)).map(ruleOf);
  }

  /** Removes one rule; undefined when there is none of that id. */
  async remove(id: string): Promise<FaultRule | undefined> {
    const row = await this.change((tx) => deleteFaultRule(tx, id));
    return row && ruleOf(row);
  }

  /** Removes the rules of `endpoint` (a name or "*"), or all of them; answers those left. */
  async clear(endpoint?: string): Promise<FaultRule[]> {
    await this.change((tx) => deleteFaultRules(tx, endpoint));
    return this.list();
  }

  /** Reads the rules again after the state changed as a whole (a reset, a restore, an import). */
  async reload(): Promise<void> {
    this.see(await this.store.transaction(listFaultRules));
  }

  private change<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.store.transaction(async (tx) => {
      const result = await work(tx);
      this.see(await listFaultRules(tx));
      return result;
    });
  }

  private see(rules: FaultRuleRow[]): void {
    this.endpoints = new Set(rules.map((rule) => rule.endpoint));
  }
}

/** Whether a matching call fires the rule: always at probability 1, else its next draw decides. */
async function draw(tx: Tx, rule: FaultRuleRow): Promise<boolean> {
  if (rule.probability >= 1) return true;
  await countFaultDraw(tx, rule.id);
  return drawOf(rule.seed, rule.draws) < rule.probability;
}

/**
 * Draw number `n` of the generator seeded with `seed`, in [0, 1): splitmix32's mix of the pair, so any draw
 * can be made again from the two numbers kept with the rule, on any run and after a restart.
 */
function drawOf(seed: number, n: number): number {
  let z = (seed + Math.imul(n + 1, 0x9e37_79b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0_aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a_2d97);
  z ^= z >>> 15;
  return (z >>> 0) / 2 ** 32;
}

function hitOf(rule: FaultRuleRow, appid: string | null): FaultHit {
  const latency = latencyOf(rule.latency_ms);
  return {
    id: rule.id,
    afterCommit: rule.after_commit === 1,
    latencyMs:
      latency === null || typeof latency === 'number'
        ? latency
        : Math.round(
            latency.min + drawOf(rule.seed ^ LATENCY_STREAM, rule.fired) * (latency.max - latency.min),
          ),
    effect: effectOf(rule),
    appid,
  };
}

function effectOf(rule: FaultRuleRow): FaultEffect | null {
  // Rules are checked when armed; one brought in by a hand-edited state document may carry any number.
  if (rule.errcode !== null) return { errcode: catalogued(rule.errcode) ? rule.errcode : -1 };
  if (rule.status !== null) return { status: rule.status };
  if (rule.network !== null) return { network: rule.network, hangMs: rule.hang_ms ?? DEFAULT_HANG_MS };
  return null;
}

function catalogued(errcode: number): errcode is ErrCode {
  return Object.hasOwn(errors, String(errcode));
}

/** The request log's mark of a call `hit` fired on. */
export function faultMark(hit: FaultHit): FaultMark {
  const { effect } = hit;
  const got = effect && ('network' in effect ? { network: effect.network } : effect);
  return {
    id: hit.id,
    after_commit: hit.afterCommit,
    ...(hit.latencyMs === null ? {} : { latency_ms: hit.latencyMs }),
    ...got,
  };
}

/** A stored latency; none when the text is not one (a hand-edited state document). */
function latencyOf(text: string | null): Latency | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Latency;
    return typeof value === 'number' || (value && typeof value.min === 'number') ? value : null;
  } catch {
    return null;
  }
}

function ruleOf(row: FaultRuleRow): FaultRule {
  return {
    id: row.id,
    endpoint: row.endpoint,
    appid: row.appid,
    errcode: row.errcode,
    status: row.status,
    network: row.network,
    hang_ms: row.hang_ms,
    latency_ms: latencyOf(row.latency_ms),
    after_commit: row.after_commit === 1,
    probability: row.probability,
    seed: Number(row.seed),
    count: row.count,
    fired: row.fired,
    remaining: row.count === null ? null : row.count - row.fired,
    created_at: Math.floor(row.created_at / 1000),
  };
}
