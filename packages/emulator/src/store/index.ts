import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export { DataFileError } from './data-file.js';
export { DatabaseError } from './postgres.js';
export type {
  AccountRow,
  AuditRow,
  AuthorizationRow,
  Database,
  DraftRow,
  FaultRuleRow,
  GrayPlanRow,
  PlatformRow,
  ReleaseRow,
  RidRow,
  TemplateRow,
  TokenRow,
  TrialRow,
} from './schema.js';
export type Db = Kysely<Database> | Transaction<Database>;
export type Tx = Transaction<Database>;

export interface StoreOptions {
  /** SQLite file; ignored when `memory` or `database` is set. */
  file?: string;
  memory?: boolean;
  /** A PostgreSQL URL (`postgres://user:password@host:5432/name`): the shared mode (docs/shared-mode.md). */
  database?: string;
  /** Connections to PostgreSQL at most (default 10). */
  databasePoolSize?: number;
  /** How long one PostgreSQL statement may run, ms (default 5000). */
  databaseStatementTimeoutMs?: number;
}

/**
 * The persistence layer: SQLite in one process, or PostgreSQL shared by several. Areas only see Kysely, so
 * both dialects run the same area code.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Other processes may change the state at any time: no in-process view of it can be trusted. */
  readonly shared: boolean;
  readonly db: Kysely<Database>;
  /**
   * Changes with every committed write and every restore this process made: what was read at one version
   * still holds while it stays the same (in one process only: see `shared`).
   */
  readonly version: number;
  /** null while the store works; otherwise why writes are refused (e.g. the data file was removed). */
  problem(): string | null;
  /**
   * Runs `work` in one transaction: everything it wrote is committed together, or nothing is; resolves once
   * it is durable. `work` may run more than once (a PostgreSQL transaction retried after a conflict with
   * another): it keeps its side effects for after the commit.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** The whole database as bytes, for a snapshot; undefined where only the rows can be copied. */
  image(): Promise<Buffer | undefined>;
  /** Puts back an image from `image()`, between two transactions. */
  restoreImage(image: Buffer): Promise<void>;
  /** Empties every state table. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.database) {
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(options.database, options);
  }
  const { SqliteStore } = await import('./sqlite-store.js');
  return SqliteStore.open(options);
}
