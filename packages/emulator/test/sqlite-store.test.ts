import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../src/store/index.js';
import { preparedQuery } from '../src/store/prepared.js';
import { SqliteStore } from '../src/store/sqlite-store.js';

const metaValue = preparedQuery((db, key: string) =>
  db.selectFrom('meta').select(['key', 'value']).where('key', '=', key),
);

describe('SQLite store transactions', () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wxlocal-store-'));
    store = await SqliteStore.open({ file: join(dir, 'store.db') });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (tx: Tx, key: string, value: string) =>
    tx
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();

  it('commits everything a transaction wrote', async () => {
    await store.transaction(async (tx) => {
      await put(tx, 'a', '1');
      await put(tx, 'b', '2');
    });
    const rows = await store.db.selectFrom('meta').selectAll().where('key', 'in', ['a', 'b']).execute();
    expect(rows).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
  });

  it('leaves no trace of a transaction that failed', async () => {
    await expect(
      store.transaction(async (tx) => {
        await put(tx, 'a', '1');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await metaValue(store.db, 'a')).toBeUndefined();
  });

  it('refuses a transaction object used after its transaction ended', async () => {
    let leaked: Tx | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(put(leaked as Tx, 'a', '1')).rejects.toThrow('the transaction has already ended');
    await expect(metaValue(leaked as Tx, 'a')).rejects.toThrow('the transaction has already ended');
    expect(await metaValue(store.db, 'a')).toBeUndefined();
  });

  it('runs transactions one after another even when one waits in the middle', async () => {
    const order: string[] = [];
    const slow = store.transaction(async (tx) => {
      order.push('slow begins');
      await put(tx, 'a', 'slow');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow ends');
      throw new Error('rolled back');
    });
    const quick = store.transaction(async (tx) => {
      order.push('quick');
      return metaValue(tx, 'a');
    });
    const direct = store.db.selectFrom('meta').selectAll().where('key', '=', 'a').execute();
    await expect(slow).rejects.toThrow('rolled back');
    expect(await quick).toBeUndefined();
    expect(await direct).toEqual([]);
    expect(order).toEqual(['slow begins', 'slow ends', 'quick']);
  });

  it('returns rows as plain objects and counts affected rows', async () => {
    await store.transaction((tx) => put(tx, 'a', '1'));
    const result = await store.transaction((tx) =>
      tx.updateTable('meta').set({ value: '2' }).where('key', '=', 'a').executeTakeFirst(),
    );
    expect(result.numUpdatedRows).toBe(1n);
    const row = await store.transaction((tx) => metaValue(tx, 'a'));
    expect(row).toEqual({ key: 'a', value: '2' });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('keeps the committed state across a reopen', async () => {
    await store.transaction((tx) => put(tx, 'a', 'kept'));
    await store.close();
    store = await SqliteStore.open({ file: join(dir, 'store.db') });
    expect(await metaValue(store.db, 'a')).toEqual({ key: 'a', value: 'kept' });
  });

  describe('calls that overlap share one commit', () => {
    const values = async () =>
      (await store.db.selectFrom('meta').select(['key', 'value']).orderBy('key').execute()).filter((row) =>
        row.key.startsWith('k'),
      );

    it('keeps every call that succeeded and undoes only the one that failed', async () => {
      const calls = Array.from({ length: 10 }, (_, i) =>
        store.transaction(async (tx) => {
          await put(tx, `k${i}`, String(i));
          if (i === 4) throw new Error('call 4 fails');
          return i;
        }),
      );
      const settled = await Promise.allSettled(calls);
      expect(settled.map((outcome) => outcome.status)).toEqual([
        ...Array(4).fill('fulfilled'),
        'rejected',
        ...Array(5).fill('fulfilled'),
      ]);
      expect((await values()).map((row) => row.key)).toEqual(
        ['k0', 'k1', 'k2', 'k3', 'k5', 'k6', 'k7', 'k8', 'k9'].sort(),
      );
    });

    it('lets a call read before its first write, and undoes only its own part when it fails', async () => {
      const calls = [
        store.transaction((tx) => put(tx, 'k1', 'one')),
        store.transaction(async (tx) => {
          const row = await metaValue(tx, 'k1');
          await put(tx, 'k2', `${row?.value} two`);
        }),
        store.transaction(async (tx) => {
          await metaValue(tx, 'k2');
          throw new Error('fails having only read');
        }),
        store.transaction(async (tx) => {
          const row = await metaValue(tx, 'k2');
          await put(tx, 'k3', `${row?.value} three`);
          throw new Error('fails after its write');
        }),
        store.transaction(async (tx) => {
          const row = await metaValue(tx, 'k3');
          await put(tx, 'k4', row?.value ?? 'no k3');
        }),
      ];
      const settled = await Promise.allSettled(calls);
      expect(settled.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'rejected',
        'fulfilled',
      ]);
      expect(await values()).toEqual([
        { key: 'k1', value: 'one' },
        { key: 'k2', value: 'one two' },
        { key: 'k4', value: 'no k3' },
      ]);
      // A call that only read and failed, alone, leaves the connection as it found it.
      await expect(
        store.transaction(async (tx) => {
          await metaValue(tx, 'k1');
          throw new Error('alone');
        }),
      ).rejects.toThrow('alone');
      await store.transaction((tx) => put(tx, 'k5', 'five'));
      expect(await metaValue(store.db, 'k5')).toEqual({ key: 'k5', value: 'five' });
    });

    it('answers a read of a change only once that change is committed', async () => {
      const order: string[] = [];
      const write = store.transaction((tx) => put(tx, 'k', 'written')).then(() => order.push('write'));
      const read = store
        .transaction((tx) => metaValue(tx, 'k'))
        .then((row) => order.push(`read ${row?.value}`));
      // Something outside any call takes the connection only after the calls' commit.
      const outside = metaValue(store.db, 'k').then((row) => order.push(`outside ${row?.value}`));
      await Promise.all([write, read, outside]);
      expect(order).toEqual(['write', 'read written', 'outside written']);
    });

    it('commits a change at the next turn of the event loop, and answers a read alone at once', async () => {
      await store.transaction((tx) => put(tx, 'k', 'before'));
      const order: string[] = [];
      const read = store.transaction((tx) => metaValue(tx, 'k')).then(() => order.push('read'));
      setImmediate(() => order.push('next turn'));
      await read;
      const write = store.transaction((tx) => put(tx, 'k', 'after')).then(() => order.push('write'));
      setImmediate(() => order.push('next turn'));
      await write;
      expect(order).toEqual(['read', 'next turn', 'next turn', 'write']);
    });

    it('fails every call of a group whose commit is refused, and keeps none of their changes', async () => {
      const calls = Array.from({ length: 5 }, (_, i) => store.transaction((tx) => put(tx, `k${i}`, 'lost')));
      rmSync(join(dir, 'store.db'));
      const settled = await Promise.allSettled(calls);
      expect(settled.every((outcome) => outcome.status === 'rejected')).toBe(true);
      expect(store.problem()).not.toBeNull();
      expect(await values()).toEqual([]);
    });
  });
});
