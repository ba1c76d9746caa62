import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Tx } from './index.js';
import { logTables, stateTables } from './migrations.js';

export type StateTable = Exclude<(typeof stateTables)[number], 'meta'>;
export type TableRows = Record<string, Record<string, unknown>[]>;

/** The tables a snapshot or a state document holds: all of them but `meta`, whose one value is the clock. */
export const snapshotTables = stateTables.filter((table): table is StateTable => table !== 'meta');

/** Every row of every table, in the order they are stored. */
export async function readTables(tx: Tx): Promise<TableRows> {
  const stored = onPostgres(tx) ? sql`ctid` : sql`rowid`;
  const tables: TableRows = {};
  for (const table of snapshotTables) {
    tables[table] = await tx.selectFrom(table).selectAll().orderBy(stored).execute();
  }
  return tables;
}

function onPostgres(tx: Tx): boolean {
  return tx.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Replaces every table's rows with `tables`' (a table it does not name ends empty). Rows go in one prepared
 * statement each, which is what makes a restore of thousands of rows take milliseconds.
 */
export async function replaceTables(tx: Tx, tables: TableRows): Promise<void> {
  for (const table of snapshotTables) await tx.deleteFrom(table).execute();
  const numbered = onPostgres(tx);
  for (const table of snapshotTables) {
    for (const row of tables[table] ?? []) {
      const columns = Object.keys(row);
      await tx.executeQuery(CompiledQuery.raw(insertSql(table, columns, numbered), Object.values(row)));
    }
  }
}

const COLUMN = /^[a-z_][a-z0-9_]*$/;
const inserts = new Map<string, string>();

/**
 * The insert of a row with these columns, built once per table and column list; `numbered` placeholders
 * ($1, $2, …) for PostgreSQL.
 */
function insertSql(table: StateTable, columns: string[], numbered: boolean): string {
  const key = `${numbered ? '$' : '?'}${table}(${columns.join(',')})`;
  let sql = inserts.get(key);
  if (sql === undefined) {
    const bad = columns.find((column) => !COLUMN.test(column));
    if (bad !== undefined) throw new Error(`${table} has no column ${JSON.stringify(bad)}`);
    const names = columns.map((column) => `"${column}"`).join(', ');
    sql = `insert into "${table}" (${names}) values (${columns.map((_, i) => (numbered ? `$${i + 1}` : '?')).join(', ')})`;
    inserts.set(key, sql);
  }
  return sql;
}

/** The first row that names no column, as `table[index]`; such a row cannot be a row of any table. */
export function emptyRow(tables: TableRows): string | undefined {
  for (const [table, rows] of Object.entries(tables)) {
    const index = rows.findIndex((row) => Object.keys(row).length === 0);
    if (index >= 0) return `${table}[${index}]`;
  }
  return undefined;
}

/** Names in `tables` that are not tables of this version. */
export function unknownTables(tables: TableRows): string[] {
  return Object.keys(tables).filter((name) => !(snapshotTables as string[]).includes(name));
}

/** Empties every table of the state and the pushes: a reset. */
export async function emptyTables(tx: Tx): Promise<void> {
  for (const table of [...stateTables, ...logTables]) await tx.deleteFrom(table).execute();
}
