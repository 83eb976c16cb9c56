import type { Readiness } from '@kezek/contracts';
import type { DbEngine } from '@kezek/db';
import type { HealthRepository } from './health.repository';

/** Ready = the database answers and every migration shipped with this build has been applied. */
export async function checkReadiness(
  repo: Pick<HealthRepository, 'ping' | 'migrations'>,
  engine: DbEngine,
): Promise<Readiness> {
  const reachable = await repo.ping();
  const migrations = reachable ? await repo.migrations() : { applied: [], expected: [], pending: [] };
  const ready = reachable && migrations.pending.length === 0 && migrations.expected.length > 0;
  return {
    status: ready ? 'ready' : 'not-ready',
    database: { engine, reachable },
    migrations: {
      applied: migrations.applied.length,
      expected: migrations.expected.length,
      pending: migrations.pending,
    },
  };
}
