import type { ConnectionTurns, SqliteConnection } from './sqlite.js';

/** A promise settled from outside: the commit the calls of one group wait for. */
interface Durable {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function durable(): Durable {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const WHOLE_TRANSACTION_LOST = new Error('SQLite rolled back the open transaction');

/**
 * Group commit. Calls take turns on the one connection as before, each in its own savepoint, but the calls
 * that change something while others wait share one COMMIT, made once the event loop has taken in the
 * requests at hand. Each call is answered only after that commit, so nothing answered is lost to a killed
 * process, and a call that fails undoes only its own savepoint. A commit writes each changed page once
 * however many calls changed it (docs/architecture.md, step 5; measured in bench/README.md). A call that
 * changed nothing opens no transaction (SqliteConnection.beginCall): alone, it is answered at once; while a
 * group's commit is pending it waits for it, as what it read may be what the group changed.
 */
export class CommitGroup {
  private waiting: Durable | undefined;
  private flushScheduled = false;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly turns: ConnectionTurns,
  ) {}

  /** Runs `work` as one call; resolves once what it changed is durable. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const wait = this.turns.take();
    if (wait) await wait;
    let result: T;
    let commit: Durable | undefined;
    try {
      this.connection.beginCall();
      try {
        result = await work();
      } catch (error) {
        if (!this.connection.undoCall()) this.fail(WHOLE_TRANSACTION_LOST);
        throw error;
      }
      this.connection.endCall();
      if (this.connection.uncommitted) commit = this.join();
      else if (this.connection.inTransaction) this.connection.commitTransaction();
    } finally {
      this.turns.give();
    }
    if (commit) await commit.promise;
    return result;
  }

  /**
   * Commits the open transaction now, for whoever takes the connection outside `run` (queries outside a call,
   * migrations, a restore, closing): call it while holding the connection's turn.
   */
  settle(): void {
    const commit = this.waiting;
    this.waiting = undefined;
    if (!this.connection.inTransaction) {
      if (commit) this.fail(WHOLE_TRANSACTION_LOST, commit);
      return;
    }
    try {
      this.connection.commitTransaction();
      commit?.resolve();
    } catch (error) {
      this.fail(error, commit);
    }
  }

  /** Takes the connection's turn and settles: the pending commit is made before this resolves. */
  async flush(): Promise<void> {
    const wait = this.turns.take();
    if (wait) await wait;
    try {
      this.settle();
    } finally {
      this.turns.give();
    }
  }

  private join(): Durable {
    this.waiting ??= durable();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
    return this.waiting;
  }

  /** Undoes the whole group: every call waiting for its commit fails with `error`. */
  private fail(error: unknown, commit = this.waiting): void {
    if (commit === this.waiting) this.waiting = undefined;
    this.connection.rollbackTransaction();
    commit?.reject(error);
  }
}
