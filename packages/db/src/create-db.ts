import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type DbEngine = 'pglite' | 'postgres';

export type DbConfig =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory; loadDataDir = start from a dumped snapshot (tests). */
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export type Db = Kysely<Database>;

export type DbHandle = { db: Db; engine: DbEngine; close: () => Promise<void> };

const DATE_OID = 1082;
const INT8_OID = 20;

// Dates are calendar days, not instants: keep them as 'YYYY-MM-DD' (a JS Date would shift them by the offset).
// bigserial ids stay far below 2^53, so plain numbers are safe and simpler for callers.
const parsers = { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) };

export async function createDb(config: DbConfig): Promise<DbHandle> {
  const dialect =
    config.engine === 'postgres'
      ? new PostgresDialect({
          pool: new pg.Pool({
            connectionString: config.url,
            max: config.poolSize ?? 10,
            types: {
              getTypeParser: (oid: number, format?: 'text' | 'binary') =>
                oid in parsers
                  ? parsers[oid as keyof typeof parsers]
                  : (pg.types.getTypeParser(oid, format) as (value: string) => unknown),
            },
          }),
        })
      : new PGliteDialect(await openPGlite(config));
  const db = new Kysely<Database>({ dialect });
  return { db, engine: config.engine, close: () => db.destroy() };
}

// PGlite's default shared_buffers (128 MB) is sized for a server; a laptop's embedded queue needs far less,
// and this keeps the whole process under the startup benchmark's 400 MB (bench/startup.bench.ts).
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export function openPGlite(config: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  return PGlite.create({
    startParams: PGLITE_START_PARAMS,
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
    ...(config.loadDataDir === undefined ? {} : { loadDataDir: config.loadDataDir }),
    parsers,
  });
}

/** A Kysely over an already open PGlite (the caller keeps the instance, e.g. to dump it). */
export function kyselyOnPGlite(pglite: PGlite): Db {
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}
