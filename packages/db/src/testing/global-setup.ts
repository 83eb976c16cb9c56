import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, kyselyOnPGlite, openPGlite } from '../create-db';
import { migrate } from '../migrate';
import { withDatabase, type TestDbSource } from './test-db-source';

declare module 'vitest' {
  // Declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    kezekTestDb: TestDbSource;
  }
}

/** Migrates once per run; each test file then starts from that state (see test-db.ts). */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `kezek_tpl_${runId}`;
    await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${template}`));
    const handle = await createDb({ engine: 'postgres', url: withDatabase(url, template), poolSize: 1 });
    await migrate(handle.db);
    await handle.close();
    project.provide('kezekTestDb', { engine: 'postgres', url, template, prefix: `kezek_t_${runId}_` });
    return () =>
      withAdmin(url, async (admin) => {
        const { rows } = await admin.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
          [template, `kezek_t_${runId}_`],
        );
        for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      });
  }
  const pglite = await openPGlite({});
  const db = kyselyOnPGlite(pglite);
  await migrate(db);
  const dump = await pglite.dumpDataDir('none');
  await db.destroy();
  const dir = join(process.cwd(), '.tmp');
  await mkdir(dir, { recursive: true });
  const snapshot = join(dir, `pglite-migrated-${runId}.tar`);
  await writeFile(snapshot, Buffer.from(await dump.arrayBuffer()));
  project.provide('kezekTestDb', { engine: 'pglite', snapshot });
  return () => rm(snapshot, { force: true });
}

async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
