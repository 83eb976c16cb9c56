import { parseIin } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '@kezek/db/testing';
import type { DbHandle } from '@kezek/db';
import { fastTestHash, silentLog, TEST_NOW } from '../../testing/test-app';
import { generateDemoDataset } from './demo-dataset';
import { demoIdentity } from './demo-identity';
import { seedDemoData } from './seed-demo-data';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

describe('demo data', () => {
  const data = generateDemoDataset(TEST_NOW, demoIdentity);

  it('is deterministic for the same anchor day', () => {
    expect(generateDemoDataset(TEST_NOW, demoIdentity)).toEqual(data);
  });

  it('has valid, unique IINs whose birth date matches the child (R-ELIG-22)', () => {
    const iins = [...data.applicants.map((a) => a.iin), ...data.children.map((c) => c.iin ?? '')];
    expect(new Set(iins).size).toBe(iins.length);
    for (const child of data.children) {
      const parsed = parseIin(child.iin ?? '');
      expect(parsed.ok && parsed.value.birthDate).toBe(child.birth_date);
    }
  });

  it('spans several birth years, queue types and beneficiary groups', () => {
    expect(new Set(data.applications.map((a) => a.birth_year)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(data.applications.map((a) => a.queue.split(':')[0])).size).toBe(3);
    const categories = new Set(data.applications.flatMap((a) => a.categories ?? []));
    expect(
      categories.has('military') || categories.has('specialStateBody') || categories.has('lawEnforcement'),
    ).toBe(true);
    expect(categories.has('largeFamily') || categories.has('teacher')).toBe(true);
    expect(data.kindergartens).toHaveLength(20);
  });

  it('seeds once: a second run changes nothing', async () => {
    const first = await seedDemoData(handle.db, TEST_NOW, silentLog, fastTestHash);
    const second = await seedDemoData(
      handle.db,
      new Date(TEST_NOW.getTime() + 86_400_000),
      silentLog,
      fastTestHash,
    );
    expect(first.counts?.applications).toBe(data.applications.length);
    expect(second.counts).toBeUndefined();
    const { count } = await handle.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(data.applications.length);
  });
});
