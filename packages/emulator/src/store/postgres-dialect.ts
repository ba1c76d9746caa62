import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
} from 'kysely';

/** A statement that may change rows. */
const WRITE = /^\s*(insert|update|delete|truncate)\b/i;

/**
 * PostgreSQL through Kysely's dialect, telling each commit that changed something (and each change made
 * outside a transaction): what `Store.version` counts for the console's state events.
 */
export class WriteCountingDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly onWrite: () => void,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const inTransaction = new WeakSet<DatabaseConnection>();
    const wrote = new WeakSet<DatabaseConnection>();
    const watched = new WeakSet<DatabaseConnection>();
    const watch = (connection: DatabaseConnection) => {
      if (watched.has(connection)) return;
      watched.add(connection);
      const execute = connection.executeQuery.bind(connection);
      connection.executeQuery = async <R>(query: CompiledQuery) => {
        const result = await execute<R>(query);
        if (WRITE.test(query.sql)) {
          if (inTransaction.has(connection)) wrote.add(connection);
          else this.onWrite();
        }
        return result;
      };
    };
    return {
      init: () => driver.init(),
      acquireConnection: async () => {
        const connection = await driver.acquireConnection();
        watch(connection);
        return connection;
      },
      beginTransaction: async (connection, settings) => {
        await driver.beginTransaction(connection, settings);
        inTransaction.add(connection);
        wrote.delete(connection);
      },
      commitTransaction: async (connection) => {
        inTransaction.delete(connection);
        await driver.commitTransaction(connection);
        if (wrote.has(connection)) this.onWrite();
      },
      rollbackTransaction: async (connection) => {
        inTransaction.delete(connection);
        await driver.rollbackTransaction(connection);
      },
      releaseConnection: (connection) => driver.releaseConnection(connection),
      destroy: () => driver.destroy(),
    };
  }
}
