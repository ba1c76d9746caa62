import SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type ConnectionProvider,
  type DatabaseConnection,
  type DatabaseIntrospector,
  DefaultQueryExecutor,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { checkDataFile, dataFileError, prepareDataFile } from './data-file.js';

/**
 * Opens the SQLite file in WAL mode. A commit is in the WAL before the call that made it answers, so a
 * killed process loses nothing a client was told succeeded. A file that cannot serve (not a database, damaged,
 * not writable, a directory, in use by another process) is refused here with a DataFileError, before anything
 * listens.
 */
export function openSqlite(file: string | ':memory:'): SqliteConnection {
  if (file === ':memory:') return new SqliteConnection(configure(new SQLite(file)));
  return openFile(file);
}

/** An in-memory database that starts as a copy of `image` (from `SqliteConnection.serialize`). */
export function openSqliteImage(image: Buffer): SqliteConnection {
  return new SqliteConnection(configure(new SQLite(image)));
}

function openFile(file: string): SqliteConnection {
  prepareDataFile(file);
  let raw: SQLite.Database | undefined;
  try {
    // A lock held elsewhere will not go away in seconds: refuse at once rather than after a long wait.
    raw = configure(new SQLite(file, { timeout: OPEN_TIMEOUT_MS }));
    // Its write takes the exclusive lock, kept until close (see configure).
    checkDataFile(raw, file);
    return new SqliteConnection(raw);
  } catch (error) {
    raw?.close();
    throw dataFileError(file, error);
  }
}

/** How long opening waits for a lock another process holds: long enough for a brief read to end. */
const OPEN_TIMEOUT_MS = 200;

/**
 * Exclusive locking mode, set before WAL is first used, keeps the file's lock from the first write until
 * close, and keeps the WAL index in this process's memory: a second wxlocal (or any program) cannot read or
 * write the file while this one serves, so two servers never mix their writes. The lock dies with the process.
 */
function configure(raw: SQLite.Database): SQLite.Database {
  raw.pragma('locking_mode = EXCLUSIVE');
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  // After a checkpoint the WAL file is cut back to this size, so a burst of writes does not leave it large.
  raw.pragma('journal_size_limit = 4194304');
  // The copies of pages a call's savepoint may roll back to are kept in memory, not in a temporary file:
  // they matter only until the transaction ends, and a commit group opens one savepoint per call.
  raw.pragma('temp_store = MEMORY');
  return raw;
}

/**
 * The one connection to the file. better-sqlite3 answers synchronously, so a query is run in place, and
 * every statement is prepared once (Kysely would prepare it on each call).
 */
export class SqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Prepared>();
  private control: ControlStatements;
  /** Whether the open transaction, or the call running in it, has changed anything. */
  private wrote = false;
  private callWrote = false;
  private callInSavepoint = false;
  /** A call has begun and has not written yet: its transaction or savepoint is opened at its first write. */
  private callPending = false;
  /** Whether a transaction was open when the pending call began. */
  private openAtCall = false;
  /**
   * Runs before a change becomes durable (the commit of a transaction that wrote, or a write outside any
   * transaction); throws to refuse it. The store checks its file here.
   */
  beforeDurableWrite: () => void = () => {};
  /** Counts the changes made to the database: equal counts, equal contents (a committed write, a restore). */
  version = 0;

  constructor(private raw: SQLite.Database) {
    this.control = controlStatements(raw);
  }

  /** An in-memory database becomes a copy of `image` (from `serialize`): a restore in one copy. */
  replaceWith(image: Buffer): void {
    this.raw.close();
    this.raw = configure(new SQLite(image));
    this.version++;
    this.statements.clear();
    this.control = controlStatements(this.raw);
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return Promise.resolve(this.run<R>(query.sql, query.parameters));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Runs one statement now; Kysely's result shape. */
  run<R>(sql: string, parameters: readonly unknown[]): QueryResult<R> {
    const prepared = this.prepare(sql);
    if (!prepared.writes) return this.execute(prepared, parameters);
    if (this.callPending) this.openCall();
    const alone = !this.raw.inTransaction;
    if (alone) this.beforeDurableWrite();
    this.wrote = true;
    this.callWrote = true;
    const result = this.execute<R>(prepared, parameters);
    if (alone) this.version++;
    return result;
  }

  private execute<R>({ statement, toRow }: Prepared, parameters: readonly unknown[]): QueryResult<R> {
    if (toRow) {
      const rows = statement.all(parameters) as unknown[];
      for (let i = 0; i < rows.length; i++) rows[i] = toRow(rows[i] as unknown[]);
      return { rows: rows as R[] };
    }
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { statement, toRow } = this.prepare(query.sql);
    if (!toRow) throw new Error('only select queries can be streamed');
    for (const row of statement.iterate(query.parameters)) yield { rows: [toRow(row as unknown[]) as R] };
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  /** Whether the open transaction holds changes not yet committed. */
  get uncommitted(): boolean {
    return this.raw.inTransaction && this.wrote;
  }

  beginTransaction(): void {
    this.control.begin.run();
    this.wrote = false;
    this.callWrote = false;
  }

  commitTransaction(): void {
    if (this.wrote) this.beforeDurableWrite();
    this.control.commit.run();
    this.wrote = false;
    // Changes of calls were counted as each call ended (endCall).
    if (this.callWrote) this.version++;
    this.callWrote = false;
  }

  /** Also after a failed commit; a no-op when SQLite has already rolled back on its own. */
  rollbackTransaction(): void {
    const undone = this.wrote;
    this.wrote = false;
    this.callWrote = false;
    if (this.raw.inTransaction) this.control.rollback.run();
    if (undone) this.version++;
  }

  /**
   * One call's part of the open transaction (see CommitGroup): the first call opens the transaction, the next
   * ones run in a savepoint each, so that one call's failure undoes its own changes only. Both are opened at
   * the call's first write: a call that only reads needs neither, as it holds the connection's turn and the
   * file's lock, so nothing else writes while it reads.
   */
  beginCall(): void {
    this.callPending = true;
    this.openAtCall = this.raw.inTransaction;
    this.callWrote = false;
  }

  private openCall(): void {
    this.callPending = false;
    this.callInSavepoint = this.raw.inTransaction;
    if (this.callInSavepoint) this.control.savepoint.run();
    else this.beginTransaction();
  }

  /** Keeps the call's changes in the open transaction; they become durable at its commit. */
  endCall(): void {
    if (this.callPending) {
      this.callPending = false;
      return;
    }
    if (this.callInSavepoint) this.control.release.run();
    if (this.callWrote) this.version++;
    this.callWrote = false;
  }

  /** Undoes the call's changes; false when SQLite has rolled back the whole transaction on its own. */
  undoCall(): boolean {
    this.callWrote = false;
    if (this.callPending) {
      this.callPending = false;
      return this.raw.inTransaction || !this.openAtCall;
    }
    if (!this.raw.inTransaction) return false;
    if (this.callInSavepoint) {
      this.control.rollbackToSavepoint.run();
      this.control.release.run();
    } else {
      this.rollbackTransaction();
    }
    return true;
  }

  close(): void {
    this.raw.close();
  }

  /** The whole database as bytes. */
  serialize(): Buffer {
    return this.raw.serialize();
  }

  private prepare(sql: string): Prepared {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      const statement = this.raw.prepare(sql);
      const writes = !statement.readonly;
      prepared = statement.reader
        ? { statement: statement.raw(true), toRow: rowMaker(statement.columns().map((c) => c.name)), writes }
        : { statement, writes };
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}

/** The statements that open and close transactions and savepoints. */
interface ControlStatements {
  begin: SQLite.Statement;
  commit: SQLite.Statement;
  rollback: SQLite.Statement;
  savepoint: SQLite.Statement;
  release: SQLite.Statement;
  rollbackToSavepoint: SQLite.Statement;
}

function controlStatements(raw: SQLite.Database): ControlStatements {
  return {
    begin: raw.prepare('begin'),
    commit: raw.prepare('commit'),
    rollback: raw.prepare('rollback'),
    savepoint: raw.prepare('savepoint call'),
    release: raw.prepare('release call'),
    rollbackToSavepoint: raw.prepare('rollback to call'),
  };
}

interface Prepared {
  statement: SQLite.Statement;
  /** For statements that return rows: the row object from the column values. */
  toRow?: (values: unknown[]) => object;
  /** The statement changes the database (also an insert … returning). */
  writes: boolean;
}

/**
 * Builds rows as object literals of one fixed shape, which V8 creates far faster than better-sqlite3 sets
 * each column on a new object. A repeated column name keeps its last value, as better-sqlite3 does.
 */
function rowMaker(columns: string[]): (values: unknown[]) => object {
  if (columns.includes('__proto__')) {
    return (values) => Object.fromEntries(columns.map((name, index) => [name, values[index]]));
  }
  const fields = columns.map((name, index) => `${JSON.stringify(name)}: values[${index}]`);
  return new Function('values', `return { ${fields.join(', ')} };`) as (values: unknown[]) => object;
}

/**
 * Turns for the single connection: a transaction holds it across its awaits, so nothing else may run on it
 * meanwhile. A free connection is taken at once rather than after a round of promises.
 */
export class ConnectionTurns {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** undefined when the turn is taken at once; otherwise wait for the promise. */
  take(): Promise<void> | undefined {
    if (!this.held) {
      this.held = true;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the connection to the next in line, who then holds it. */
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** Kysely's Driver over the single connection, for everything that does not go through `Store.transaction`. */
export class SqliteDriver implements Driver {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly turns: ConnectionTurns,
    /** Commits what calls left open for a group commit, before anything else runs on the connection. */
    private readonly settle: () => void,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.turns.take();
    this.settle();
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    this.connection.beginTransaction();
  }

  async commitTransaction(): Promise<void> {
    this.connection.commitTransaction();
  }

  async rollbackTransaction(): Promise<void> {
    this.connection.rollbackTransaction();
  }

  async releaseConnection(): Promise<void> {
    this.turns.give();
  }

  async destroy(): Promise<void> {
    this.connection.close();
  }
}

export class SqliteStoreDialect implements Dialect {
  constructor(private readonly driver: SqliteDriver) {}

  createDriver(): Driver {
    return this.driver;
  }

  createQueryCompiler(): SqliteQueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): SqliteAdapter {
    return new SqliteStoreAdapter();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Dialect's own signature
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** SQLite changes its schema inside a transaction too: the migrations of one start commit once. */
export class SqliteStoreAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * The connection as the store's transaction object sees it: queries run in place while a call's transaction
 * is open, and the object used when none is fails instead of writing outside any transaction.
 */
export class TransactionScope implements ConnectionProvider {
  private open = false;

  constructor(private readonly connection: SqliteConnection) {}

  begin(): void {
    this.open = true;
  }

  provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    if (!this.open) return Promise.reject(new Error('the transaction has already ended'));
    return consumer(this.connection);
  }

  end(): void {
    this.open = false;
  }

  run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.open) return Promise.reject(new Error('the transaction has already ended'));
    return this.connection.executeQuery<R>(query);
  }
}

/** Runs a transaction's queries directly on the connection, skipping the generic executor's promise layers. */
export class TransactionExecutor extends DefaultQueryExecutor {
  constructor(
    compiler: SqliteQueryCompiler,
    adapter: SqliteAdapter,
    private readonly scope: TransactionScope,
  ) {
    super(compiler, adapter, scope, []);
  }

  override executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.scope.run<R>(query);
  }
}
