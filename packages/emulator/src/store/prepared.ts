import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Db } from './index.js';
import type { Database } from './schema.js';

/**
 * A query built and compiled once, then run with new parameter values: the hot paths (token resolution,
 * account and authorization lookups) skip Kysely's per-call building and compiling. The SQL is compiled for
 * the dialect of the first store it runs on; a process uses one dialect.
 */
export function preparedQuery<P extends unknown[], R>(
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
): (db: Db, ...params: P) => Promise<R | undefined> {
  let compiled: { sql: string; order: number[] } | undefined;
  return async (db, ...params) => {
    compiled ??= compile(db, build, params.length);
    const values = compiled.order.map((index) => params[index]);
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, values));
    return result.rows[0];
  };
}

/** Compiles with sentinel values and records which parameter each placeholder takes. */
function compile<P extends unknown[], R>(
  db: Db,
  build: (db: Kysely<Database>, ...params: P) => Compilable<R>,
  arity: number,
): { sql: string; order: number[] } {
  const sentinels = Array.from({ length: arity }, (_, index) => `\u0000param${index}\u0000`);
  const query = build(db as Kysely<Database>, ...(sentinels as unknown as P)).compile();
  const order = query.parameters.map((value) => sentinels.indexOf(value as string));
  if (order.includes(-1)) throw new Error('a prepared query may only take its parameters as values');
  return { sql: query.sql, order };
}
