import pg from 'pg';
import { inject } from 'vitest';
import { logTables, snapshotShelf, stateTables } from '../../src/store/migrations.js';

/** The migrated database each test's database is a copy of. */
export const TEMPLATE = 'wxlocal_template';

/** Whether this run of the suite is the one on PostgreSQL (vitest.config.ts). */
export const onPostgres = process.env.WXLOCAL_TEST_STORE === 'postgres';

let admin: Promise<pg.Client> | undefined;
let made = 0;

function adminClient(): Promise<pg.Client> {
  admin ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl('postgres') });
    await client.connect();
    return client;
  })();
  return admin;
}

export function postgresUrl(database: string): string {
  return `postgres://postgres@127.0.0.1:${inject('postgresPort')}/${database}`;
}

export interface TestDatabase {
  url: string;
  /** Empties the database and gives it back for the next emulator. */
  release(): Promise<void>;
}

interface Kept {
  name: string;
  client: pg.Client;
}

/** Databases emptied after use: creating one costs hundreds of milliseconds, emptying one a few. */
const free: Kept[] = [];

/** A migrated, empty database on the run's server, for one emulator at a time. */
export async function freshDatabase(): Promise<TestDatabase> {
  const kept = free.pop() ?? (await createDatabase());
  return {
    url: postgresUrl(kept.name),
    release: async () => {
      await kept.client.query(`truncate ${[...stateTables, ...logTables, snapshotShelf].join(', ')}`);
      free.push(kept);
    },
  };
}

async function createDatabase(): Promise<Kept> {
  const name = `wx_${process.pid}_${++made}`;
  await (await adminClient()).query(`create database ${name} template ${TEMPLATE}`);
  const client = new pg.Client({ connectionString: postgresUrl(name) });
  await client.connect();
  return { name, client };
}

/** A database with no tables at all, dropped by `drop()`. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wx_${process.pid}_${++made}_empty`;
  const admin = await adminClient();
  await admin.query(`create database ${name}`);
  return {
    url: postgresUrl(name),
    drop: async () => {
      await admin.query(`drop database ${name} with (force)`);
    },
  };
}
