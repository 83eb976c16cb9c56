import { migrationStatus, type Db } from '@kezek/db';
import { sql } from 'kysely';

export type HealthRepository = ReturnType<typeof healthRepository>;

export function healthRepository(db: Db) {
  return {
    async ping(): Promise<boolean> {
      try {
        await sql`SELECT 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    migrations: () => migrationStatus(db),
  };
}
