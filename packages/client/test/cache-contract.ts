import { expect, it } from 'vitest';
import type { Cache } from '../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every Cache must do; run against each implementation. */
export function cacheContract(cache: () => Cache): void {
  it('gets what was set, until its TTL runs out', async () => {
    await cache().set('k:forever', 'a');
    await cache().set('k:short', 'b', 60);
    expect(await cache().get('k:forever')).toBe('a');
    expect(await cache().get('k:short')).toBe('b');
    expect(await cache().get('k:missing')).toBeUndefined();
    await sleep(120);
    expect(await cache().get('k:short')).toBeUndefined();
    expect(await cache().get('k:forever')).toBe('a');
  });

  it('compare-and-delete deletes only the expected value', async () => {
    await cache().set('k:token', 'new');
    expect(await cache().compareAndDelete('k:token', 'old')).toBe(false);
    expect(await cache().get('k:token')).toBe('new');
    expect(await cache().compareAndDelete('k:token', 'new')).toBe(true);
    expect(await cache().get('k:token')).toBeUndefined();
    expect(await cache().compareAndDelete('k:token', 'new')).toBe(false);
  });

  it('gives a lock to one holder at a time, and lets it lapse', async () => {
    const locks = await Promise.all(Array.from({ length: 10 }, () => cache().lock('k:lock', 5000)));
    const held = locks.filter((lock) => lock !== undefined);
    expect(held).toHaveLength(1);
    expect(await cache().lock('k:lock', 5000)).toBeUndefined();
    await held[0]?.release();
    const again = await cache().lock('k:lock', 60);
    expect(again).toBeDefined();
    await sleep(120);
    const afterLapse = await cache().lock('k:lock', 5000);
    expect(afterLapse).toBeDefined();
    // A lapsed holder's release must not free the lock someone else now holds.
    await again?.release();
    expect(await cache().lock('k:lock', 5000)).toBeUndefined();
  });
}
