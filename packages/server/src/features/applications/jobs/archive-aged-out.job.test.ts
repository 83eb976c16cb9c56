import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../testing/test-app';
import { setStopList } from '../set-stop-list';
import { verifyApplication } from '../verify-application';
import { archiveAgedOutJob } from './archive-aged-out.job';
import { CLERK, midnight, morning, openJobWorld, type JobWorld } from './job-test-helpers';

let w: JobWorld;
beforeAll(async () => {
  w = await openJobWorld();
});
afterAll(() => w.close());

const ctx = { log: silentLog, attempt: 1 };
const runSlot = (date: string) => archiveAgedOutJob(w.jobDeps).handler(midnight(date), ctx);
const statusOf = async (id: string) => (await w.application(id))?.status;

describe('archive at 6 (daily 00:00 job)', () => {
  it('R-SYS-10, E5: born 2020-03-15 → archived at 2026-03-15 00:00 (ageLimit), not a day earlier', async () => {
    const id = await w.submit('2020-03-15', morning('2025-06-02'));
    await runSlot('2026-03-14');
    expect(await statusOf(id)).toBe('queued');
    await runSlot('2026-03-15');
    const after = await w.application(id);
    expect(after).toMatchObject({ status: 'archived', status_reason: 'ageLimit' });
    expect(after?.updated_at).toEqual(midnight('2026-03-15'));
    expect(await w.traces(id)).toEqual({
      events: ['registered', 'archived'],
      audit: ['application.submitted', 'application.archived'],
      outbox: ['queued', 'archived'],
    });
    const audit = await w.handle.db
      .selectFrom('audit_log')
      .select(['actor_type', 'actor_id', 'data'])
      .where('entity_id', '=', id)
      .where('action', '=', 'application.archived')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'system', actor_id: 'archiveAgedOut' });
    expect(audit.data).toMatchObject({
      from: 'queued',
      to: 'archived',
      reason: 'ageLimit',
      rule: 'R-SYS-10',
    });
  });

  it('R-SYS-10, R-ELIG-03, E5: born after 1 September stays queued past the 6th birthday, archived 1 January', async () => {
    const october = await w.submit('2020-10-10', morning('2025-06-02'));
    const firstSeptember = await w.submit('2020-09-01', morning('2025-06-02'));
    await runSlot('2026-09-01');
    await runSlot('2026-10-10');
    await runSlot('2026-12-31');
    expect(await statusOf(october)).toBe('queued');
    expect(await statusOf(firstSeptember)).toBe('queued');
    await runSlot('2027-01-01');
    expect(await statusOf(october)).toBe('archived');
    expect(await statusOf(firstSeptember)).toBe('archived');
  });

  it('R-SYS-10, E5: a SEN child with a PMPC conclusion is never archived for age', async () => {
    const id = await w.submit('2019-05-05', morning('2025-06-02'), {}, { sen: true, pmpcConclusion: true });
    // R-ELIG-14: the PMPC conclusion is seen in the original before the child is queued.
    await verifyApplication(
      w.changeDeps,
      CLERK,
      id,
      { result: 'confirmed', version: 1 },
      morning('2025-06-03'),
    );
    await runSlot('2026-03-15');
    await runSlot('2027-01-01');
    expect(await statusOf(id)).toBe('queued');
  });

  it('R-SYS-10, E5: applying on 2026-01-20 for a child born 2020-02-01 is accepted, archived 2026-02-01', async () => {
    const id = await w.submit('2020-02-01', morning('2026-01-20'));
    await runSlot('2026-01-31');
    expect(await statusOf(id)).toBe('queued');
    await runSlot('2026-02-01');
    expect(await statusOf(id)).toBe('archived');
  });

  it('R-SYS-10: a stopped application is archived (no queue event: it had left the queue); a referred one is untouched', async () => {
    const stopped = await w.submit('2020-04-20', morning('2025-06-02'));
    await setStopList(
      w.changeDeps,
      CLERK,
      stopped,
      { on: true, reason: 'documents in question' },
      morning('2025-07-01'),
    );
    const referred = await w.submit('2020-04-20', morning('2025-06-02'));
    // Referrals arrive with a later issue; the status alone is what the job must leave alone.
    await w.handle.db
      .updateTable('applications')
      .set({ status: 'referred' })
      .where('id', '=', referred)
      .execute();
    await runSlot('2026-04-20');
    expect(await statusOf(stopped)).toBe('archived');
    expect((await w.traces(stopped)).events).toEqual(['registered', 'stopped']);
    expect(await statusOf(referred)).toBe('referred');
  });

  it('R-SYS-10: the same slot run twice archives and notifies once (idempotent per slot)', async () => {
    const id = await w.submit('2020-05-05', morning('2025-06-02'));
    const first = await runSlot('2026-05-05');
    const again = await runSlot('2026-05-05');
    expect(first).toMatchObject({ archived: 1 });
    expect(again).toMatchObject({ archived: 0 });
    expect(await w.traces(id)).toEqual({
      events: ['registered', 'archived'],
      audit: ['application.submitted', 'application.archived'],
      outbox: ['queued', 'archived'],
    });
  });

  it('R-SYS-10, R-TIME-07: after two days down both missed slots run in order, each on its own date', async () => {
    const job = archiveAgedOutJob(w.jobDeps);
    const dayOne = await w.submit('2020-06-09', morning('2025-06-02'));
    const dayTwo = await w.submit('2020-06-10', morning('2025-06-02'));
    await w.runDue([job], new Date(midnight('2026-06-08').getTime() + 60_000));
    expect(await statusOf(dayOne)).toBe('queued');
    // Down from 2026-06-08 00:01 to 2026-06-10 08:00: the slots of the 9th and the 10th are caught up.
    const outcomes = await w.runDue([job], new Date(midnight('2026-06-10').getTime() + 8 * 3_600_000));
    expect(outcomes.map((o) => [o.scheduledFor, o.outcome])).toEqual([
      [midnight('2026-06-09'), 'done'],
      [midnight('2026-06-10'), 'done'],
    ]);
    expect((await w.application(dayOne))?.updated_at).toEqual(midnight('2026-06-09'));
    expect((await w.application(dayTwo))?.updated_at).toEqual(midnight('2026-06-10'));
    expect((await w.traces(dayTwo)).outbox).toEqual(['queued', 'archived']);
  });

  it('R-TIME-07: an application the database refuses holds back neither the others nor the later slots', async () => {
    const job = archiveAgedOutJob(w.jobDeps);
    const broken = await w.submit('2020-07-20', morning('2025-06-02'));
    const fine = await w.submit('2020-07-20', morning('2025-06-02'));
    // Fault injection: the database refuses every change to one application.
    await sql`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(w.handle.db);
    await sql
      .raw(
        `CREATE TRIGGER refuse_broken BEFORE UPDATE ON applications FOR EACH ROW
         WHEN (OLD.id = '${broken}') EXECUTE FUNCTION refuse_change()`,
      )
      .execute(w.handle.db);
    const slot = midnight('2026-07-20');
    const tick = async (at: Date) => (await w.runDue([job], new Date(at.getTime() + 60_000))).at(-1)?.outcome;
    expect(await tick(slot)).toBe('failed');
    expect([await statusOf(broken), await statusOf(fine)]).toEqual(['queued', 'archived']);
    expect(await tick(slot)).toBe('failed');
    expect(await tick(slot)).toBe('done'); // third attempt: closed, the failure listed
    const run = await w.handle.db
      .selectFrom('job_runs')
      .select(['attempts', 'result'])
      .where('job', '=', 'archiveAgedOut')
      .where('scheduled_for', '=', slot)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ attempts: 3, result: { archived: 0, failed: [broken] } });
    await sql`DROP TRIGGER refuse_broken ON applications`.execute(w.handle.db);
    expect(await tick(midnight('2026-07-21'))).toBe('done');
    expect(await statusOf(broken)).toBe('archived');
  });
});
