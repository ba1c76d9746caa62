import { randomUUID } from 'node:crypto';
import type { Cache, Lock } from './cache.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * A cache for one process (several clients in it may share one instance). Every operation is synchronous
 * underneath, so check-then-set steps cannot interleave.
 */
export class MemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | undefined> {
    return this.read(key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.write(key, value, ttlMs);
  }

  async compareAndDelete(key: string, expected: string): Promise<boolean> {
    if (this.read(key) !== expected) return false;
    this.entries.delete(key);
    return true;
  }

  async lock(key: string, ttlMs: number): Promise<Lock | undefined> {
    if (this.read(key) !== undefined) return undefined;
    const owner = randomUUID();
    this.write(key, owner, ttlMs);
    return { release: async () => void (await this.compareAndDelete(key, owner)) };
  }

  private read(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  private write(key: string, value: string, ttlMs?: number): void {
    this.entries.set(key, { value, expiresAt: ttlMs === undefined ? Infinity : this.now() + ttlMs });
  }
}
