import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built and compiled once per database handle, then run with new parameter values.
 *
 * Building a query with Kysely's builder and compiling it to SQL costs tens of microseconds,
 * several times what SQLite takes to answer a lookup by key; the queries every request makes
 * (who is calling, which workspace) pay that on each request. Here the builder runs once with
 * a marker in place of each parameter; later calls only swap the values in. The SQL text is
 * exactly the builder's, so behaviour is the same.
 *
 *   const byHash = prepared((db, p) => db.selectFrom('sessions').selectAll().where('token_hash', '=', p('hash')));
 *   const row = await byHash.first(db, { hash });
 */
export function prepared<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, param: <K extends keyof P & string>(name: K) => P[K]) => Compilable<R>,
) {
  const compiled = new WeakMap<Kysely<Database>, { query: CompiledQuery<R>; slots: (string | null)[] }>();
  const compile = (db: Kysely<Database>) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db, (name) => `${MARKER}${name}` as never).compile();
      const slots = query.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARKER) ? v.slice(MARKER.length) : null));
      entry = { query, slots };
      compiled.set(db, entry);
    }
    return entry;
  };
  const run = async (db: Kysely<Database>, params: P): Promise<R[]> => {
    const { query, slots } = compile(db);
    const parameters = slots.map((name, i) => (name === null ? query.parameters[i] : params[name]));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
  return {
    all: run,
    first: async (db: Kysely<Database>, params: P): Promise<R | undefined> => (await run(db, params))[0],
  };
}

/** Stands for a parameter while the query is compiled; no real value starts with U+0000 (text refuses it). */
const MARKER = '\u0000cairn-param:';
