import type { EmulatorOptions } from '../../src/app.js';
import { type Harness, startEmulator } from '../helpers.js';
import { freshDatabase } from './databases.js';

export interface TwoInstances {
  a: Harness;
  b: Harness;
  /** Calls `send` `total` times at once, alternating between the two instances. */
  spread<T>(total: number, send: (h: Harness, index: number) => Promise<T>): Promise<T[]>;
  close(): Promise<void>;
}

/** Two emulators in this process on one PostgreSQL database, as two `wxlocal serve --database` would be. */
export async function twoInstances(options: EmulatorOptions = {}): Promise<TwoInstances> {
  const database = await freshDatabase();
  const a = await startEmulator({ ...options, database: database.url });
  const b = await startEmulator({ ...options, database: database.url });
  return {
    a,
    b,
    spread: (total, send) => Promise.all(Array.from({ length: total }, (_, i) => send(i % 2 ? b : a, i))),
    async close() {
      await a.close();
      await b.close();
      await database.release();
    },
  };
}
