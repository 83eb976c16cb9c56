import type { Db } from '@kezek/db';
import type { Logger } from '../../platform/logger';
import { hashPassword } from '../../platform/password';
import { demoIdentity } from './demo-identity';
import { demoRepository } from './demo.repository';
import { seedDemo, type SeedResult } from './seed-demo';

/** Seeds the demo into a database with the real identity generator and password hashing (`serve`, `kezek seed`). */
export function seedDemoData(
  db: Db,
  now: Date,
  log: Logger,
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<SeedResult> {
  return seedDemo(demoRepository(db), { now, identity: demoIdentity, hashPassword: hash, log });
}
