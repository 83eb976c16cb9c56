import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './create-db';

// Resolved through the package, not this file's location, so it holds in the bundled `npm start` too.
export const MIGRATIONS_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@kezek/db/package.json')),
  'migrations',
);

/** Any constant shared by all Kezek processes: serialises concurrent migrators on PostgreSQL. */
const MIGRATION_LOCK = 254_2020;

export async function migrationFiles(dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
}

async function ensureMigrationsTable(db: Db): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  await ensureMigrationsTable(db);
  const rows = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((row) => row.name);
}

/** Applies pending migrations in name order, each in its own transaction. Returns the names applied. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  await ensureMigrationsTable(db);
  const applied: string[] = [];
  for (const name of await migrationFiles(dir)) {
    const script = await readFile(join(dir, name), 'utf8');
    const didApply = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const done = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (done) return false;
      await sql.raw(script).execute(trx);
      await trx.insertInto('schema_migrations').values({ name, applied_at: new Date() }).execute();
      return true;
    });
    if (didApply) applied.push(name);
  }
  return applied;
}

export type MigrationStatus = { applied: string[]; pending: string[]; expected: string[] };

export async function migrationStatus(db: Db, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const [expected, applied] = await Promise.all([migrationFiles(dir), appliedMigrations(db)]);
  const done = new Set(applied);
  return { applied, expected, pending: expected.filter((name) => !done.has(name)) };
}
