import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type SqliteDatabase, SqliteDialect } from 'kysely';

/**
 * Opens the SQLite file in WAL mode. A commit is in the WAL before the call that made it answers, so a
 * killed process loses nothing a client was told succeeded.
 */
export function sqliteDialect(file: string | ':memory:'): SqliteDialect {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(raw) });
}

/** Kysely prepares every query anew; reusing prepared statements keeps the hot paths cheap. */
function withStatementCache(raw: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = raw.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
