import type { Db } from '@kezek/db';
import type { Logger } from '../../platform/logger';
import { demoIdentity } from './demo-identity';
import { demoRepository } from './demo.repository';
import { seedDemo, type SeedResult } from './seed-demo';

/** Seeds the demo into a database with the real identity generator (used by `serve` and `kezek seed`). */
export function seedDemoData(db: Db, now: Date, log: Logger): Promise<SeedResult> {
  return seedDemo(demoRepository(db), { now, identity: demoIdentity, log });
}
