import type { MessageFields } from '@wxlocal/api';
import { findPlatform } from './areas/accounts/store.js';
import { type CallerCache, settleDue } from './areas/index.js';
import { pruneHistory } from './areas/prune.js';
import type { ApiMeter } from './areas/quota/index.js';
import type { Clock } from './clock.js';
import type { Effects, Meter, Scope } from './core/index.js';
import type { Events } from './events.js';
import type { Faults } from './http/faults.js';
import type { Journal } from './http/journal.js';
import type { WebFetcher } from './http/live-web.js';
import { outboxMessage, type Pusher } from './push/pusher.js';
import { storedNow, syncClock, writeClockOffset } from './store/clock-offset.js';
import type { Store, Tx } from './store/index.js';
import { type OutboxMessage, queuePushes } from './store/push-outbox.js';

/** The long-lived parts every plane shares. */
export interface Runtime {
  store: Store;
  clock: Clock;
  journal: Journal;
  pusher: Pusher;
  faults: Faults;
  /** What happened, for `GET /_wxlocal/events`. */
  events: Events;
  /** Callers resolved from tokens, while the store is unchanged. */
  callers: CallerCache;
  /** The API call meter and the rid store. */
  meter: ApiMeter;
  /** Set with `--verify-http`: domain verification reads the web for real. */
  webFetcher: WebFetcher | undefined;
}

/**
 * The pushes a transaction asks for: queued in the outbox by the transaction itself (`save`), delivered once it
 * has committed (`run`). The one after-commit path of the data plane, the control plane and the authorization
 * page.
 */
export class AfterCommit implements Effects {
  private readonly messages: OutboxMessage[] = [];
  private ticketsDue = false;

  constructor(private readonly pusher: Pusher) {}

  push(componentAppid: string, fields: MessageFields): void {
    this.messages.push(outboxMessage(componentAppid, fields));
  }

  pushEvent(componentAppid: string, authorizerAppid: string, fields: MessageFields): void {
    this.messages.push(outboxMessage(componentAppid, fields, authorizerAppid));
  }

  pushDueTickets(): void {
    this.ticketsDue = true;
  }

  /** Whether the transaction asked for any push: most calls do not, and skip `save` and `run`. */
  get asked(): boolean {
    return this.messages.length > 0 || this.ticketsDue;
  }

  /**
   * Queues the messages, last thing in the transaction: those whose platform has a URL for them now (a push
   * goes where the platform said when it happened, or nowhere).
   */
  async save(tx: Tx): Promise<void> {
    if (this.messages.length === 0) return;
    const addressed: OutboxMessage[] = [];
    for (const message of this.messages) {
      const platform = await findPlatform(tx, message.component_appid);
      const url = message.authorizer_appid === null ? platform?.auth_event_url : platform?.message_url;
      if (url) addressed.push(message);
    }
    await queuePushes(tx, addressed);
  }

  /** After the commit: delivers what was queued; the pusher reports its own failures. */
  async run(): Promise<void> {
    if (this.messages.length > 0) this.pusher.deliver();
    if (this.ticketsDue) await this.pusher.pushDueTickets();
  }
}

/** Runs `work` in one transaction at the current emulated time, then its pushes. */
export function transact<T>(runtime: Runtime, work: (scope: Scope) => Promise<T>): Promise<T> {
  const now = runtime.clock.now();
  return transactAt(runtime, () => now, work);
}

/**
 * As `transact`, at the emulated time the store holds when the transaction runs. For what the clock alone
 * decides (pruning, decisions that fell due, ticket rotations): another instance may have moved the clock,
 * even back, since this one last read it.
 */
export function transactAtStoredTime<T>(runtime: Runtime, work: (scope: Scope) => Promise<T>): Promise<T> {
  return transactAt(runtime, (tx) => storedNow(runtime.clock, tx), work);
}

async function transactAt<T>(
  runtime: Runtime,
  timeOf: (tx: Tx) => number | Promise<number>,
  work: (scope: Scope) => Promise<T>,
): Promise<T> {
  let effects = new AfterCommit(runtime.pusher);
  const result = await runtime.store.transaction(async (tx) => {
    // A run again after a conflict asks for its pushes again.
    effects = new AfterCommit(runtime.pusher);
    const result = await work(scopeOf(tx, await timeOf(tx), effects, runtime.meter));
    await effects.save(tx);
    return result;
  });
  await effects.run();
  return result;
}

/** A transaction's scope, its pushes held by `effects` until it commits. */
export function scopeOf(tx: Tx, now: number, effects: AfterCommit, meter: Meter): Scope {
  return {
    tx,
    now,
    meter,
    push: (componentAppid, fields) => effects.push(componentAppid, fields),
    pushEvent: (componentAppid, authorizerAppid, fields) =>
      effects.pushEvent(componentAppid, authorizerAppid, fields),
    pushDueTickets: () => effects.pushDueTickets(),
  };
}

/** Moves the emulated clock: the offset is stored first, so a restart keeps it. */
export async function moveClock(runtime: Runtime, offsetMs: number): Promise<void> {
  await runtime.store.transaction((tx) => writeClockOffset(tx, offsetMs));
  runtime.clock.setOffset(offsetMs);
}

/** Rows pruned per kind and per run: small batches keep each run's hold on the store short. */
const PRUNE_BATCH = 2000;

/** Does the work that fell due as emulated time passed (audit-policy decisions), with its pushes. */
export async function settleDueWork(runtime: Runtime): Promise<void> {
  await syncClock(runtime.store, runtime.clock);
  const before = runtime.store.version;
  await transactAtStoredTime(runtime, settleDue);
  announceChange(runtime, 'housekeeping', before);
}

/** A `state` event when the store changed since `versionBefore` outside the planes' own routes. */
export function announceChange(runtime: Runtime, cause: string, versionBefore: number): void {
  if (runtime.events.listening && runtime.store.version !== versionBefore) {
    runtime.events.publish({ type: 'state', data: { cause } });
  }
}

/**
 * Every second: the work that fell due, then drops history no call can see any more (expired, superseded, past
 * quota periods), so the store stays flat.
 */
export function startHousekeeping(
  runtime: Runtime,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await runtime.meter.flush().catch(onError);
      await settleDueWork(runtime);
      await runtime.store.transaction(async (tx) =>
        pruneHistory(tx, await storedNow(runtime.clock, tx), PRUNE_BATCH),
      );
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
