import { type Compilable, createQueryId, type Kysely, RawNode } from 'kysely';
import type { Db } from './index.js';
import type { Database } from './schema.js';

/**
 * A query built and compiled once, then run with new parameter values: the hot paths (token resolution,
 * account and authorization lookups) skip Kysely's per-call building and compiling. The SQL is compiled once
 * per dialect (a process may hold stores of both).
 */
export function preparedQuery<P extends unknown[], R>(
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
): (db: Db, ...params: P) => Promise<R | undefined> {
  const rows = preparedRows(build);
  return async (db, ...params) => (await rows(db, ...params))[0];
}

/** As `preparedQuery`, for a statement answering any number of rows (or none: a write). */
export function preparedRows<P extends unknown[], R>(
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
): (db: Db, ...params: P) => Promise<R[]> {
  const byDialect = new Map<unknown, Compiled>();
  return async (db, ...params) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      compiled = compile(db, build, params.length);
      byDialect.set(dialect, compiled);
    }
    const { sql, query, order } = compiled;
    const parameters = order.map((index) => params[index]);
    const result = await db.executeQuery<R>({ sql, query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}

interface Compiled {
  sql: string;
  query: RawNode;
  /** For each placeholder, the index of the parameter it takes. */
  order: number[];
}

/** Compiles with sentinel values and records which parameter each placeholder takes. */
function compile<P extends unknown[], R>(
  db: Db,
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
  arity: number,
): Compiled {
  const sentinels = Array.from({ length: arity }, (_, index) => `\u0000param${index}\u0000`);
  const { sql, parameters } = build(db as Kysely<Database>, ...(sentinels as unknown as P)).compile();
  const order = parameters.map((value) => sentinels.indexOf(value as string));
  if (order.includes(-1)) throw new Error('a prepared query may only take its parameters as values');
  return { sql, query: RawNode.createWithSql(sql), order };
}
