import type { Cache } from './cache/cache.js';

export interface LockTiming {
  /** How long a lock lives if its holder dies before releasing it. */
  ttlMs: number;
  /** How often a process that found the lock taken looks again. */
  pollMs: number;
}

/**
 * Produces a value once across processes: whoever takes the lock reads again (another holder may just have
 * produced it) and produces only if it is still missing; the others wait and re-read until it appears or
 * the lock frees up.
 */
export async function onceAcrossProcesses(
  cache: Cache,
  lockKey: string,
  timing: LockTiming,
  reread: () => Promise<string | undefined>,
  produce: () => Promise<string>,
): Promise<string> {
  const deadline = Date.now() + 2 * timing.ttlMs;
  for (;;) {
    const lock = await cache.lock(lockKey, timing.ttlMs);
    if (lock) {
      try {
        return (await reread()) ?? (await produce());
      } finally {
        await lock.release();
      }
    }
    const value = await reread();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for the lock ${lockKey}`);
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
  }
}
