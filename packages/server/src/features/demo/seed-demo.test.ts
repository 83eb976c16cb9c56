import { APPLICATION_STATUSES } from '@kezek/domain';
import { instantAt, instantFromEpochMs, localDateOf, parseIin, timeOfDay } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '@kezek/db/testing';
import type { DbHandle } from '@kezek/db';
import { DEFAULT_RULES } from '../../platform/rules';
import { fastTestHash, silentLog, TEST_NOW } from '../../testing/test-app';
import { archiveAgedOutJob } from '../applications/jobs/archive-aged-out.job';
import { interestDueJob } from '../applications/jobs/interest-due.job';
import { originalsDeadlineJob } from '../applications/jobs/originals-deadline.job';
import { publishBulletinsJob } from '../bulletins/publish-bulletins.job';
import { openWindowsJob } from '../windows/open-windows.job';
import { runDueJobs } from '../../platform/jobs/run-due-jobs';
import { generateDemoDataset } from './demo-dataset';
import { demoIdentity } from './demo-identity';
import { seedDemoData } from './seed-demo-data';

const deps = () => ({ db: handle.db, rules: DEFAULT_RULES });

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

  it('R-SYS-10, R-SYS-13, R-ELIG-15: exercises every status of spec §5.1, with reasons and queue histories', () => {
    const statuses = new Set(data.applications.map((a) => a.status));
    expect([...statuses].sort()).toEqual([...APPLICATION_STATUSES].sort());
    const reasons = (status: string) =>
      new Set(data.applications.filter((a) => a.status === status).map((a) => a.status_reason));
    expect([...reasons('archived')].sort()).toEqual(['ageLimit', 'notInterested']);
    expect(reasons('rejected').has('ORIGINALS_NOT_PRESENTED')).toBe(true);
    expect(reasons('rejected').size).toBeGreaterThan(2);
    const kinds = new Set(data.queueEvents.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['archived', 'referred', 'registered', 'stopped', 'withdrawn']);
    const queued = data.applications.filter((a) => a.status === 'queued');
    const registered = new Set(
      data.queueEvents.filter((e) => e.kind === 'registered').map((e) => e.application_id),
    );
    expect(queued.every((a) => registered.has(a.id))).toBe(true);
  });

  it('R-REF-06, R-ADM-09: referred applications hold a running referral to a reserved unit; enrolled ones an admission', () => {
    const byApplication = new Map(data.referrals.map((r) => [r.application_id, r]));
    for (const application of data.applications.filter((a) => a.status === 'referred'))
      expect(byApplication.get(application.id)?.status).toBe('issued');
    const enrolled = data.applications.filter((a) => a.status === 'enrolled');
    const admitted = new Set(data.admissions.map((a) => a.referral_id));
    for (const application of enrolled)
      expect(admitted.has(byApplication.get(application.id)?.id ?? '')).toBe(true);
    const units = new Map(data.placeUnits.map((u) => [u.referral_id, u.status]));
    expect(data.referrals.map((r) => units.get(r.id))).toEqual(
      data.referrals.map((r) => (r.status === 'admitted' ? 'occupied' : 'reserved')),
    );
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

  it('R-SYS-10, R-SYS-13, R-ELIG-15: is consistent with the rules — the daily jobs of its own day change nothing', async () => {
    const deps = { db: handle.db, rules: DEFAULT_RULES, log: silentLog };
    const slot = new Date(instantAt(localDateOf(instantFromEpochMs(TEST_NOW.getTime())), timeOfDay('00:00')));
    const ctx = { log: silentLog, attempt: 1 };
    expect(await originalsDeadlineJob(deps).handler(slot, ctx)).toMatchObject({ decided: 0 });
    expect(await archiveAgedOutJob(deps).handler(slot, ctx)).toMatchObject({ archived: 0 });
    expect(await interestDueJob(deps).handler(slot, ctx)).toMatchObject({ archived: 0 });
    const events = await handle.db
      .selectFrom('queue_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(events.count)).toBe(data.queueEvents.length);
  });

  it('R-SYS-04, R-WIN-03: its reported places are published by the catch-up of the first job run and their windows open', async () => {
    expect(data.places.length).toBeGreaterThan(5);
    const jobs = [openWindowsJob(deps()), publishBulletinsJob(deps())];
    await runDueJobs(handle.db, jobs, TEST_NOW, 'demo-test');
    const bulletins = await handle.db
      .selectFrom('bulletins')
      .select(['bulletin_date', 'items_count'])
      .where('items_count', '>', 0)
      .execute();
    // Only the reported units: those of the past window's referrals are taken already.
    const units = data.placeUnits.filter((unit) => unit.status === 'reported').length;
    expect(bulletins.reduce((sum, bulletin) => sum + bulletin.items_count, 0)).toBe(units);
    expect(new Set(bulletins.map((bulletin) => bulletin.bulletin_date))).toEqual(new Set(['2026-02-28']));
    const opened = await handle.db.selectFrom('allocation_windows').select('opens_at').execute();
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((window) => window.opens_at !== null)).toBe(true);
  });
});
