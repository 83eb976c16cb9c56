export { createDb, type Db, type DbConfig, type DbEngine, type DbHandle } from './create-db';
export { migrate, migrationStatus, type MigrationStatus } from './migrate';
export type * from './schema';
