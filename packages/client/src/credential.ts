import type { Cache } from './cache/cache.js';
import { isTokenError } from './errors.js';
import { type LockTiming, onceAcrossProcesses } from './lock.js';

/** A token as WeChat hands it out. */
export interface Issued {
  token: string;
  expiresIn: number;
}

export interface CredentialOptions {
  cache: Cache;
  /** Where the token is cached; its lock is this key with `:lock`. */
  key: string;
  /** Seconds before WeChat's expiry at which the cached token is dropped. */
  marginSeconds: number;
  lock: LockTiming;
  /** Asks WeChat for a new token. */
  fetch: () => Promise<Issued>;
  onFetched?: (() => void) | undefined;
  onExpired?: (() => void) | undefined;
}

/**
 * One access token (the component's, one authorizer's, one account's): read from the cache, fetched when
 * missing, at most once at a time in this process (single flight) and across processes (the cache's lock).
 */
export class Credential {
  private inflight: Promise<string> | undefined;

  constructor(private readonly options: CredentialOptions) {}

  async get(): Promise<string> {
    const cached = await this.options.cache.get(this.options.key);
    if (cached !== undefined) return cached;
    this.inflight ??= this.refresh().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /**
   * Compare-and-expire: drops the cached token only if it is still the one that failed, so a newer token
   * fetched meanwhile by another call or process stays in place.
   */
  async expire(token: string): Promise<boolean> {
    const expired = await this.options.cache.compareAndDelete(this.options.key, token);
    if (expired) this.options.onExpired?.();
    return expired;
  }

  private refresh(): Promise<string> {
    const { cache, key, lock } = this.options;
    return onceAcrossProcesses(
      cache,
      `${key}:lock`,
      lock,
      () => cache.get(key),
      async () => {
        const issued = await this.options.fetch();
        await cache.set(key, issued.token, cacheTtlMs(issued.expiresIn, this.options.marginSeconds));
        this.options.onFetched?.();
        return issued.token;
      },
    );
  }
}

/** Cached until `margin` seconds before expiry; a token shorter-lived than twice that, for half its life. */
export function cacheTtlMs(expiresIn: number, marginSeconds: number): number {
  const seconds = expiresIn > 2 * marginSeconds ? expiresIn - marginSeconds : expiresIn / 2;
  return seconds * 1000;
}

/**
 * Calls with the credential's token; on 40001 / 40014 / 42001 expires that token (compare-and-expire) and
 * tries once more with a fresh one.
 */
export async function withToken<T>(credential: Credential, call: (token: string) => Promise<T>): Promise<T> {
  const token = await credential.get();
  try {
    return await call(token);
  } catch (error) {
    if (!isTokenError(error)) throw error;
    await credential.expire(token);
    return call(await credential.get());
  }
}
