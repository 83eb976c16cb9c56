import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../testing/test-app';
import { setStopList } from '../set-stop-list';
import { interestDueJob } from './interest-due.job';
import { CLERK, midnight, morning, openJobWorld, type JobWorld } from './job-test-helpers';

let w: JobWorld;
beforeAll(async () => {
  w = await openJobWorld();
});
afterAll(() => w.close());

const ctx = { log: silentLog, attempt: 1 };
const runSlot = (date: string) => interestDueJob(w.jobDeps).handler(midnight(date), ctx);

async function reminders(id: string) {
  const rows = await w.handle.db
    .selectFrom('outbox')
    .select(['payload', 'created_at'])
    .where('application_id', '=', id)
    .where('template', '=', 'interestDue')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    confirmBy: (row.payload as { confirmBy: string }).confirmBy,
    at: row.created_at,
  }));
}

describe('interest confirmation (daily 00:00 job)', () => {
  it('R-SYS-13: due 12 months after submission; reminded 30 days before and on the day; archived (notInterested) 30 days after', async () => {
    const id = await w.submit('2022-04-10', morning('2025-03-10'));
    await runSlot('2026-02-07');
    expect(await reminders(id)).toEqual([]);
    await runSlot('2026-02-08');
    await runSlot('2026-03-10');
    expect(await reminders(id)).toEqual([
      { confirmBy: '2026-03-10', at: midnight('2026-02-08') },
      { confirmBy: '2026-04-09', at: midnight('2026-03-10') },
    ]);
    await runSlot('2026-04-09');
    expect((await w.application(id))?.status).toBe('queued');
    await runSlot('2026-04-10');
    expect(await w.application(id)).toMatchObject({ status: 'archived', status_reason: 'notInterested' });
    expect(await w.traces(id)).toEqual({
      events: ['registered', 'archived'],
      audit: [
        'application.submitted',
        'application.interestReminded',
        'application.interestReminded',
        'application.archived',
      ],
      outbox: ['queued', 'interestDue', 'interestDue', 'archived'],
    });
  });

  it('R-SYS-13, R-APPL-08: a confirmation restarts the 12 months; a stopped application is reminded, not archived', async () => {
    const confirmed = await w.submit('2022-04-10', morning('2025-05-11'));
    const stopped = await w.submit('2022-04-10', morning('2025-05-11'));
    await setStopList(
      w.changeDeps,
      CLERK,
      stopped,
      { on: true, reason: 'address check' },
      morning('2025-06-02'),
    );
    // What confirmInterest (R-APPL-08) stores; its own tests cover the endpoint.
    await w.handle.db
      .updateTable('applications')
      .set({ interest_confirmed_at: morning('2026-05-01') })
      .where('id', '=', confirmed)
      .execute();
    await runSlot('2026-05-11');
    await runSlot('2026-06-11');
    expect(await reminders(confirmed)).toEqual([]);
    expect((await w.application(confirmed))?.status).toBe('queued');
    expect((await reminders(stopped)).map((r) => r.confirmBy)).toEqual(['2026-06-10']);
    expect((await w.application(stopped))?.status).toBe('stopped');
  });

  it('R-SYS-13: the same slot run twice reminds once (the outbox dedupe key) and archives once', async () => {
    const reminded = await w.submit('2022-04-10', morning('2025-08-20'));
    const lapsing = await w.submit('2022-04-10', morning('2025-06-20'));
    const first = await runSlot('2026-07-21');
    const again = await runSlot('2026-07-21');
    expect(first).toMatchObject({ reminded: 1, archived: 1 });
    expect(again).toMatchObject({ reminded: 0, archived: 0 });
    expect((await w.traces(reminded)).outbox).toEqual(['queued', 'interestDue']);
    expect((await w.traces(lapsing)).outbox).toEqual(['queued', 'archived']);
  });

  it('R-SYS-13, R-TIME-07: after two days down both slots run in order; the due-day reminder goes once', async () => {
    const job = interestDueJob(w.jobDeps);
    const id = await w.submit('2022-04-10', morning('2025-10-15'));
    await w.runDue([job], new Date(midnight('2026-10-13').getTime() + 60_000));
    const outcomes = await w.runDue([job], new Date(midnight('2026-10-15').getTime() + 9 * 3_600_000));
    expect(outcomes.map((o) => [o.scheduledFor, o.outcome])).toEqual([
      [midnight('2026-10-14'), 'done'],
      [midnight('2026-10-15'), 'done'],
    ]);
    await w.runDue([job], new Date(midnight('2026-10-15').getTime() + 10 * 3_600_000));
    expect(await reminders(id)).toEqual([{ confirmBy: '2026-11-14', at: midnight('2026-10-15') }]);
  });
});
