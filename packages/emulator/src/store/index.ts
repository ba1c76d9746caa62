import { Kysely, Migrator, type Transaction } from 'kysely';
import { migrationProvider, stateTables } from './migrations.js';
import type { Database } from './schema.js';
import { sqliteDialect } from './sqlite.js';

export type { Database } from './schema.js';
export type Db = Kysely<Database> | Transaction<Database>;
export type Tx = Transaction<Database>;

export interface StoreOptions {
  /** SQLite file; ignored when `memory` is set. */
  file?: string;
  memory?: boolean;
}

/** The persistence layer. Areas only see Kysely, so another dialect (PostgreSQL) needs no area change. */
export class Store {
  readonly kind = 'sqlite' as const;

  private constructor(readonly db: Kysely<Database>) {}

  static async open(options: StoreOptions): Promise<Store> {
    const file = options.memory ? ':memory:' : (options.file ?? '.wxlocal/wxlocal.db');
    const store = new Store(new Kysely<Database>({ dialect: sqliteDialect(file) }));
    await store.migrate();
    return store;
  }

  /** Runs `work` in one transaction: everything it wrote is committed together, or nothing is. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async wipe(): Promise<void> {
    await this.transaction(async (tx) => {
      for (const table of stateTables) await tx.deleteFrom(table).execute();
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  private async migrate(): Promise<void> {
    const { error } = await new Migrator({ db: this.db, provider: migrationProvider }).migrateToLatest();
    if (error) throw error;
  }
}
