import { randomUUID } from 'node:crypto';
import type { Cache, Lock } from './cache.js';

/**
 * The commands RedisCache sends, as an ioredis connection (`Redis` or `Cluster`) has them. Declared here rather
 * than imported so that @wxlocal/client's types need no ioredis: it is an optional peer dependency, installed
 * only by those who use RedisCache.
 */
export interface RedisConnection {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  set(key: string, value: string, millisecondsToken: 'PX', milliseconds: number): Promise<unknown>;
  set(
    key: string,
    value: string,
    millisecondsToken: 'PX',
    milliseconds: number,
    nx: 'NX',
  ): Promise<string | null>;
  eval(script: string, numkeys: number, ...args: string[]): Promise<unknown>;
}

/** GET and DEL in one step, so a value written by someone else in between is never deleted. */
const COMPARE_AND_DELETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * A cache shared by every process that uses the same Redis. Pass your own ioredis connection (`new Redis(…)`
 * from the `ioredis` package, installed beside this one); the cache never closes it.
 */
export class RedisCache implements Cache {
  constructor(private readonly redis: RedisConnection) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.redis.set(key, value);
    else await this.redis.set(key, value, 'PX', milliseconds(ttlMs));
  }

  async compareAndDelete(key: string, expected: string): Promise<boolean> {
    return (await this.redis.eval(COMPARE_AND_DELETE, 1, key, expected)) === 1;
  }

  async lock(key: string, ttlMs: number): Promise<Lock | undefined> {
    const owner = randomUUID();
    const taken = await this.redis.set(key, owner, 'PX', milliseconds(ttlMs), 'NX');
    if (taken !== 'OK') return undefined;
    return { release: async () => void (await this.compareAndDelete(key, owner)) };
  }
}

/** Redis wants a positive whole number of milliseconds. */
function milliseconds(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs));
}
