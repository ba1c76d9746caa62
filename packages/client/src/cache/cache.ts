/**
 * Where tokens, verify tickets and refresh tokens are kept. Every process that shares one cache shares its
 * tokens, so a refresh in one is seen by all and they never invalidate each other's tokens.
 */
export interface Cache {
  get(key: string): Promise<string | undefined>;
  /** Without `ttlMs` the value stays until it is replaced or deleted. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Deletes the key only while it still holds `expected`; true when it did. */
  compareAndDelete(key: string, expected: string): Promise<boolean>;
  /** Takes the named lock unless someone holds it; a lock never released lapses after `ttlMs`. */
  lock(key: string, ttlMs: number): Promise<Lock | undefined>;
}

export interface Lock {
  release(): Promise<void>;
}
