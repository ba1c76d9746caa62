import type { TestProject } from 'vitest/node';
import { openStore } from '../../src/store/index.js';
import { TEMPLATE } from './databases.js';
import { type PostgresServer, startPostgres } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The port of the tests' PostgreSQL server, where every emulator gets a database of its own. */
    postgresPort: number;
  }
}

/**
 * The second run of the suite: one PostgreSQL server for the whole run, and a migrated template database that
 * every test's emulator starts from a copy of.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const server: PostgresServer = await startPostgres();
  try {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query(`create database ${TEMPLATE}`);
    await admin.end();
    const store = await openStore({ database: server.url(TEMPLATE) });
    await store.close();
  } catch (error) {
    server.stop();
    throw error;
  }
  project.provide('postgresPort', server.port);
  return () => server.stop();
}
