import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../testing/test-app';
import { verifyApplication } from '../verify-application';
import { CLERK, midnight, morning, openJobWorld, type JobWorld } from './job-test-helpers';
import { originalsDeadlineJob } from './originals-deadline.job';

let w: JobWorld;
beforeAll(async () => {
  w = await openJobWorld();
});
afterAll(() => w.close());

const ctx = { log: silentLog, attempt: 1 };
const runSlot = (date: string) => originalsDeadlineJob(w.jobDeps).handler(midnight(date), ctx);
// Monday 2026-02-02: the 5th working day after it is Monday 2026-02-09 (R-ELIG-12).
const MONDAY = morning('2026-02-02');

describe('originals deadline of pending applications (daily 00:00 job)', () => {
  it('R-ELIG-15: general queue, only a category unconfirmed → queued without it at 00:00 after the 5th working day', async () => {
    const id = await w.submit('2022-04-10', MONDAY, { categories: ['teacher', 'largeFamily'] });
    expect((await w.application(id))?.status).toBe('pending');
    await runSlot('2026-02-09');
    expect((await w.application(id))?.status).toBe('pending');
    await runSlot('2026-02-10');
    expect(await w.application(id)).toMatchObject({
      status: 'queued',
      categories: ['largeFamily'],
      pending_categories: [],
      submitted_at: MONDAY,
      verified_at: midnight('2026-02-10'),
    });
    expect(await w.traces(id)).toEqual({
      events: ['registered'],
      audit: ['application.submitted', 'application.verified'],
      outbox: ['verificationRequested', 'queued'],
    });
  });

  it('R-ELIG-15: a queue whose own documents need originals (sanatorium) → rejected, ORIGINALS_NOT_PRESENTED', async () => {
    const id = await w.submit('2022-04-10', MONDAY, { queue: 'sanatorium:respiratory' });
    await runSlot('2026-02-10');
    expect(await w.application(id)).toMatchObject({
      status: 'rejected',
      status_reason: 'ORIGINALS_NOT_PRESENTED',
    });
    expect(await w.traces(id)).toEqual({
      events: [],
      audit: ['application.submitted', 'application.rejected'],
      outbox: ['verificationRequested', 'rejected'],
    });
  });

  it('R-ELIG-13, R-ELIG-15: an application verified in time is left alone; a slot run twice decides once', async () => {
    const verified = await w.submit('2022-04-10', MONDAY, { categories: ['teacher'] });
    await verifyApplication(
      w.changeDeps,
      CLERK,
      verified,
      { result: 'confirmed', version: 1 },
      morning('2026-02-04'),
    );
    const lapsing = await w.submit('2022-04-10', morning('2026-02-03'), { categories: ['military'] });
    const first = await runSlot('2026-02-11');
    const again = await runSlot('2026-02-11');
    expect(first).toMatchObject({ decided: 1 });
    expect(again).toMatchObject({ decided: 0 });
    expect(await w.application(verified)).toMatchObject({ status: 'queued', categories: ['teacher'] });
    expect(await w.application(lapsing)).toMatchObject({ status: 'queued', categories: [] });
    expect((await w.traces(lapsing)).outbox).toEqual(['verificationRequested', 'queued']);
  });

  it('R-ELIG-15, R-TIME-07: after two days down both slots run in order; each decides the deadlines before it', async () => {
    const job = originalsDeadlineJob(w.jobDeps);
    const thursday = await w.submit('2022-04-10', morning('2026-02-12'), { categories: ['teacher'] });
    const friday = await w.submit('2022-04-10', morning('2026-02-13'), { categories: ['teacher'] });
    await w.runDue([job], new Date(midnight('2026-02-19').getTime() + 60_000));
    // Thursday's deadline is the end of Thursday 2026-02-19, Friday's the end of Friday 2026-02-20.
    const outcomes = await w.runDue([job], new Date(midnight('2026-02-21').getTime() + 3_600_000));
    expect(outcomes.map((o) => [o.scheduledFor, o.outcome])).toEqual([
      [midnight('2026-02-20'), 'done'],
      [midnight('2026-02-21'), 'done'],
    ]);
    expect((await w.application(thursday))?.verified_at).toEqual(midnight('2026-02-20'));
    expect((await w.application(friday))?.verified_at).toEqual(midnight('2026-02-21'));
  });
});
