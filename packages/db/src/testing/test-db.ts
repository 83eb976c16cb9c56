import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../create-db';
import { withDatabase } from './test-db-source';

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the run's snapshot, or a PostgreSQL
 * database cloned from the run's template (TEST_DATABASE_URL). Files never share state.
 */
export async function openTestDb(): Promise<DbHandle> {
  const source = inject('kezekTestDb');
  if (source.engine === 'pglite') {
    const bytes = await readFile(source.snapshot);
    return createDb({ engine: 'pglite', loadDataDir: new Blob([bytes]) });
  }
  const name = `${source.prefix}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${source.template}`);
  } finally {
    await admin.end();
  }
  return createDb({ engine: 'postgres', url: withDatabase(source.url, name), poolSize: 4 });
}
