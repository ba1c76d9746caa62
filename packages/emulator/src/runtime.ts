import type { MessageFields } from '@wxlocal/api';
import { pruneHistory } from './areas/prune.js';
import type { Clock } from './clock.js';
import type { Effects, Scope } from './core/index.js';
import type { Faults } from './http/faults.js';
import type { Journal } from './http/journal.js';
import type { WebFetcher } from './http/live-web.js';
import type { Pusher } from './push/pusher.js';
import { writeClockOffset } from './store/clock-offset.js';
import type { Store } from './store/index.js';

/** The long-lived parts every plane shares. */
export interface Runtime {
  store: Store;
  clock: Clock;
  journal: Journal;
  pusher: Pusher;
  faults: Faults;
  /** Set with `--verify-http`: domain verification reads the web for real. */
  webFetcher: WebFetcher | undefined;
}

/**
 * The pushes a transaction asks for, sent once it has committed: the one after-commit path of the data plane,
 * the control plane and the authorization page.
 */
export class AfterCommit implements Effects {
  private readonly tasks: (() => unknown)[] = [];

  constructor(private readonly pusher: Pusher) {}

  push(componentAppid: string, fields: MessageFields): void {
    this.tasks.push(() => this.pusher.enqueue(componentAppid, fields));
  }

  pushDueTickets(): void {
    this.tasks.push(() => this.pusher.pushDueTickets());
  }

  /** Runs what was asked for, in order; the pusher reports its own failures. */
  async run(): Promise<void> {
    for (const task of this.tasks) await task();
  }
}

/** Runs `work` in one transaction at the current emulated time, then its pushes. */
export async function transact<T>(runtime: Runtime, work: (scope: Scope) => Promise<T>): Promise<T> {
  const effects = new AfterCommit(runtime.pusher);
  const now = runtime.clock.now();
  const result = await runtime.store.transaction((tx) =>
    work({
      tx,
      now,
      push: (componentAppid, fields) => effects.push(componentAppid, fields),
      pushDueTickets: () => effects.pushDueTickets(),
    }),
  );
  await effects.run();
  return result;
}

/** Moves the emulated clock: the offset is stored first, so a restart keeps it. */
export async function moveClock(runtime: Runtime, offsetMs: number): Promise<void> {
  await runtime.store.transaction((tx) => writeClockOffset(tx, offsetMs));
  runtime.clock.setOffset(offsetMs);
}

/** Rows pruned per kind and per run: small batches keep each run's hold on the store short. */
const PRUNE_BATCH = 2000;

/** Drops history no call can see any more (expired, superseded, past quota periods): the store stays flat. */
export function startPruning(
  runtime: Runtime,
  onError: (error: unknown) => void,
  intervalMs = 1000,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const now = runtime.clock.now();
      await runtime.store.transaction((tx) => pruneHistory(tx, now, PRUNE_BATCH));
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
