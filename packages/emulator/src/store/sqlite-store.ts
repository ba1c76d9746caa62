import {
  DefaultConnectionProvider,
  DefaultQueryExecutor,
  Kysely,
  Migrator,
  SqliteQueryCompiler,
  Transaction,
} from 'kysely';
import { CommitGroup } from './commit-group.js';
import { FileWatch, migrationError } from './data-file.js';
import type { Store, StoreOptions, Tx } from './index.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';
import {
  ConnectionTurns,
  openSqlite,
  openSqliteImage,
  type SqliteConnection,
  SqliteDriver,
  SqliteStoreAdapter,
  SqliteStoreDialect,
  TransactionExecutor,
  TransactionScope,
} from './sqlite.js';
import { emptyTables } from './state.js';

/** A freshly migrated empty database, copied by every in-memory store after the first. */
let migratedImage: Buffer | undefined;

/** SQLite, on a file or in memory: one process owns the state. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly shared = false;
  readonly db: Kysely<Database>;
  private readonly turns = new ConnectionTurns();
  private readonly group: CommitGroup;
  private readonly dialect: SqliteStoreDialect;
  private readonly compiler = new SqliteQueryCompiler();
  private readonly adapter = new SqliteStoreAdapter();
  /** Open only while a call of `transaction` runs: the transaction object refuses queries otherwise. */
  private readonly scope: TransactionScope;
  /**
   * The transaction object every call is given, made once: building a Kysely object per call gave each one
   * a map of its own, which V8 keeps in its old generation (bench/README.md, "Garbage per call").
   */
  private readonly tx: Tx;

  private constructor(
    private readonly connection: SqliteConnection,
    private readonly watch?: FileWatch,
  ) {
    // A removed or replaced file would take acknowledged writes with it: refuse them instead.
    if (watch) connection.beforeDurableWrite = () => watch.assertIntact();
    this.group = new CommitGroup(connection, this.turns);
    const driver = new SqliteDriver(connection, this.turns, () => this.group.settle());
    this.dialect = new SqliteStoreDialect(driver);
    const executor = new DefaultQueryExecutor(
      this.compiler,
      this.adapter,
      new DefaultConnectionProvider(driver),
    );
    this.db = new Kysely<Database>({
      config: { dialect: this.dialect },
      dialect: this.dialect,
      driver,
      executor,
    });
    this.scope = new TransactionScope(connection);
    this.tx = new Transaction<Database>({
      config: { dialect: this.dialect },
      dialect: this.dialect,
      driver,
      executor: new TransactionExecutor(this.compiler, this.adapter, this.scope),
    });
  }

  /** Rejects with a DataFileError when the file cannot serve (see `openSqlite`), before anything listens. */
  static async open(options: StoreOptions): Promise<SqliteStore> {
    if (options.memory) return SqliteStore.openInMemory();
    const file = options.file ?? '.wxlocal/wxlocal.db';
    const store = new SqliteStore(openSqlite(file), new FileWatch(file));
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw migrationError(file, error);
    }
    return store;
  }

  /**
   * An in-memory store. The first one of the process is migrated; the next ones start from a copy of that
   * freshly migrated database, which is much faster than running every migration again.
   */
  private static async openInMemory(): Promise<SqliteStore> {
    if (migratedImage) return new SqliteStore(openSqliteImage(migratedImage));
    const store = new SqliteStore(openSqlite(':memory:'));
    await store.migrate();
    migratedImage = store.connection.serialize();
    return store;
  }

  /** The whole in-memory database as bytes, for a snapshot; undefined for a store on a file. */
  async image(): Promise<Buffer | undefined> {
    // Only a store on a file is watched.
    if (this.watch) return undefined;
    const wait = this.turns.take();
    if (wait) await wait;
    try {
      this.group.settle();
      return this.connection.serialize();
    } finally {
      this.turns.give();
    }
  }

  /** Puts back an image from `image()`, between two transactions. */
  async restoreImage(image: Buffer): Promise<void> {
    const wait = this.turns.take();
    if (wait) await wait;
    try {
      this.group.settle();
      this.connection.replaceWith(image);
    } finally {
      this.turns.give();
    }
  }

  /**
   * Changes with every committed write and every restore: what was read at one version still holds while it
   * stays the same. Only this process writes the database (it holds the file's lock).
   */
  get version(): number {
    return this.connection.version;
  }

  /** null while the store works; otherwise why writes are refused (e.g. the data file was removed). */
  problem(): string | null {
    return this.watch?.check() ?? null;
  }

  /**
   * Runs `work` in one transaction: everything it wrote is committed together, or nothing is; resolves once
   * it is durable (see CommitGroup).
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.group.run(async () => {
      // Calls take turns: one scope is open at a time.
      this.scope.begin();
      try {
        return await work(this.tx);
      } finally {
        this.scope.end();
      }
    });
  }

  async wipe(): Promise<void> {
    await this.transaction(emptyTables);
  }

  async close(): Promise<void> {
    this.watch?.stop();
    await this.group.flush();
    await this.db.destroy();
  }

  private async migrate(): Promise<void> {
    const { error } = await new Migrator({ db: this.db, provider: migrationProvider }).migrateToLatest();
    if (error) throw error;
  }
}
