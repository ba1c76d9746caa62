import { performance } from 'node:perf_hooks';
import { Kysely, Migrator, sql } from 'kysely';
import type { Pool } from 'pg';
import type { Store, StoreOptions, Tx } from './index.js';
import { migrationProvider } from './migrations.js';
import { WriteCountingDialect } from './postgres-dialect.js';
import type { Database } from './schema.js';
import { emptyTables } from './state.js';

/** The database named by `--database` cannot serve: unreachable, credentials refused, or not migratable. */
export class DatabaseError extends Error {}

/** serialization_failure and deadlock_detected: the transaction lost a race with another and may run again. */
const RETRYABLE = new Set(['40001', '40P01']);
/** The advisory lock of transactions that run again (an arbitrary number, wxlocal's own). */
const RUN_AGAIN_LOCK = sql.lit(0x77786c6f);
/** How long a call keeps running again after conflicts before it answers system error. */
const RETRY_FOR_MS = 15_000;
/** int8 (counts, bigint columns) and numeric (sums): numbers, as SQLite answers them. */
const NUMERIC_TYPES = new Set([20, 1700]);

/**
 * PostgreSQL, shared by every instance pointed at it (docs/shared-mode.md). Each call's transaction is
 * serializable: two instances' calls on one quota or one code behave as if they ran one after the other, and
 * the one that lost the race runs again from the start.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly shared = true;
  /** Counts the commits that changed something (see WriteCountingDialect). */
  version = 0;
  readonly db: Kysely<Database>;

  private constructor(pool: Pool) {
    this.db = new Kysely<Database>({ dialect: new WriteCountingDialect({ pool }, () => this.version++) });
  }

  /** Rejects with a DatabaseError when the database cannot serve, before anything listens. */
  static async open(url: string, options: StoreOptions): Promise<PostgresStore> {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: options.databasePoolSize ?? 10,
      statement_timeout: options.databaseStatementTimeoutMs ?? 5000,
      connectionTimeoutMillis: 5000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          NUMERIC_TYPES.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as never,
      },
    });
    // A connection the database dropped (a restart) fails the call using it, or is replaced at its next use
    // when idle: either way it is no error of the process.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const store = new PostgresStore(pool);
    try {
      await sql`select 1`.execute(store.db);
    } catch (error) {
      await store.close();
      throw new DatabaseError(`cannot use the database ${redacted(url)}: ${reasonOf(error)}`);
    }
    try {
      // Kysely holds an advisory lock while it migrates: instances starting together migrate once.
      const { error } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateToLatest();
      if (error) throw error;
    } catch (error) {
      await store.close();
      throw new DatabaseError(`cannot migrate the database ${redacted(url)}: ${reasonOf(error)}`);
    }
    return store;
  }

  problem(): string | null {
    return null;
  }

  /**
   * A first run takes no lock. One that lost a race runs again holding RUN_AGAIN_LOCK, which one call at a
   * time holds across every instance, from before its transaction begins (so that what it reads is read after
   * its turn came) until it committed: calls that all change one row take turns instead of failing each other
   * again and again.
   */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await serializable(this.db, work);
    } catch (error) {
      if (!retryable(error)) throw error;
    }
    // Real time spent retrying, not emulated time: a monotonic timer.
    const deadline = performance.now() + RETRY_FOR_MS;
    return this.db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${RUN_AGAIN_LOCK})`.execute(connection);
      try {
        for (;;) {
          try {
            return await serializable(connection, work);
          } catch (error) {
            if (!retryable(error) || performance.now() > deadline) throw error;
          }
        }
      } finally {
        await sql`select pg_advisory_unlock(${RUN_AGAIN_LOCK})`.execute(connection).catch(() => {});
      }
    });
  }

  /** Rows are copied instead (see Snapshots). */
  async image(): Promise<undefined> {
    return undefined;
  }

  async restoreImage(): Promise<void> {
    throw new Error('a PostgreSQL store has no image');
  }

  async wipe(): Promise<void> {
    await this.transaction(emptyTables);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'given';
  }
}

function reasonOf(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'unknown host';
  if (code === '28P01' || code === '28000') return 'the credentials were refused';
  if (code === '3D000') return 'no such database';
  return message?.split('\n')[0] || String(error);
}

function serializable<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('serializable').execute(work);
}

function retryable(error: unknown): boolean {
  return RETRYABLE.has((error as { code?: string }).code ?? '');
}
