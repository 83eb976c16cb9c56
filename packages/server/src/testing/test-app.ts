import { openTestDb } from '@kezek/db/testing';
import type { DbHandle } from '@kezek/db';
import { composeApp } from '../compose';
import { manualClock, type ManualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';

export const TEST_NOW = new Date('2026-03-02T05:00:00Z'); // 10:00 national time, a Monday

export type TestApp = {
  handle: DbHandle;
  clock: ManualClock;
  app: ReturnType<typeof composeApp>;
  close: () => Promise<void>;
};

/** The whole HTTP app over this test file's own database, with a hand-moved clock and silent logs. */
export async function openTestApp(): Promise<TestApp> {
  const handle = await openTestDb();
  const clock = manualClock(TEST_NOW);
  const app = composeApp({
    db: handle.db,
    engine: handle.engine,
    clock,
    log: createLogger('silent'),
    bodyLimitBytes: 10_000,
  });
  return { handle, clock, app, close: () => handle.close() };
}

export const silentLog = createLogger('silent');

/** Demo accounts in tests need no real key stretching; login tests use the real hash. */
export const fastTestHash = (password: string): Promise<string> => Promise.resolve(`test$${password}`);
