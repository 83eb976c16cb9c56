import type { DbHandle } from '@kezek/db';
import { openTestDb } from '@kezek/db/testing';
import { err, ok } from '@kezek/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/app-error';
import { manualClock } from '../../platform/clock';
import { runDueJobs } from '../../platform/jobs/run-due-jobs';
import { createLogger } from '../../platform/logger';
import { DevMailbox, DevSmsGateway, type SmsPort } from '../../ports';
import { portError } from '../../ports/port-error';
import { DEFAULT_DELIVERY_POLICY, deliverOutbox, retryDelayMs, type DeliveryDeps } from './deliver-outbox';
import { deliverOutboxJob } from './deliver-outbox.job';
import { enqueueNotification } from './enqueue-notification';
import { notificationsRepository } from './notifications.repository';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.deleteFrom('outbox').execute();
});

const log = createLogger('silent');
const NOW = new Date('2026-03-02T05:00:00Z');
const clock = manualClock(NOW);
const queued = {
  event: 'queued' as const,
  params: {
    applicationNumber: '2026-751110-000001',
    queue: { kk: 'Жалпы', ru: 'Общая', en: 'General' },
    position: 17,
  },
  language: 'kk' as const,
  now: NOW,
};
const outbox = () => handle.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const devDeps = (sms: SmsPort = new DevSmsGateway(clock, log, { latencyMs: [0, 0] })) => {
  const email = new DevMailbox(clock, log, { latencyMs: [0, 0] });
  const deps: DeliveryDeps = { repo: notificationsRepository(handle.db), sms, email, clock, log };
  return { deps, email };
};

describe('enqueueNotification', () => {
  it('writes one row per SMS number and one for the e-mail, in the caller transaction', async () => {
    const written = await handle.db.transaction().execute((trx) =>
      enqueueNotification(trx, {
        ...queued,
        recipients: { smsNumbers: ['+7 701 234 56 78', '8 (747) 123-45-67'], email: 'parent@example.kz' },
      }),
    );
    expect(written).toBe(3);
    expect((await outbox()).map((r) => [r.channel, r.recipient, r.status, r.template])).toEqual([
      ['sms', '+77012345678', 'pending', 'queued'],
      ['sms', '+77471234567', 'pending', 'queued'],
      ['email', 'parent@example.kz', 'pending', 'queued'],
    ]);
  });

  it('writes nothing when the caller rolls back', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await enqueueNotification(trx, { ...queued, recipients: { smsNumbers: ['+77012345678'] } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await outbox()).toEqual([]);
  });

  it('refuses a third SMS number (R-NOTIF-01), counting a repeated number once', async () => {
    const three = enqueueNotification(handle.db, {
      ...queued,
      recipients: { smsNumbers: ['+77011111111', '+77022222222', '+77033333333'] },
    });
    await expect(three).rejects.toBeInstanceOf(AppError);
    await expect(three).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'R-NOTIF-01',
      field: 'smsNumbers',
      message: expect.stringMatching(/^TOO_MANY_SMS_NUMBERS/) as unknown,
    });
    expect(
      await enqueueNotification(handle.db, {
        ...queued,
        recipients: { smsNumbers: ['+77011111111', '8 701 111 11 11', '+77022222222'] },
      }),
    ).toBe(2);
  });

  it('names the invalid field', async () => {
    await expect(
      enqueueNotification(handle.db, {
        ...queued,
        recipients: { smsNumbers: ['+77011111111', '+77272123456'] },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'smsNumbers.1' });
    await expect(
      enqueueNotification(handle.db, { ...queued, recipients: { email: 'nope' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'email',
    });
    expect(await outbox()).toEqual([]);
  });

  it('enqueues once per dedupe key', async () => {
    const input = {
      ...queued,
      recipients: { smsNumbers: ['+77011111111'], email: 'a@b.kz' },
      dedupeKey: 'interest:x:2026',
    };
    expect(await enqueueNotification(handle.db, input)).toBe(2);
    expect(await enqueueNotification(handle.db, input)).toBe(0);
  });
});

describe('deliverOutbox', () => {
  it('sends due rows through the ports and marks them sent', async () => {
    await enqueueNotification(handle.db, {
      ...queued,
      recipients: { smsNumbers: ['+77012345678'], email: 'parent@example.kz' },
    });
    const sms = new DevSmsGateway(clock, log, { latencyMs: [0, 0] });
    const { deps, email } = devDeps(sms);
    expect(await deliverOutbox(deps, new Date(NOW.getTime() - 1))).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await deliverOutbox(deps, NOW)).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(sms.sent.map((m) => m.text)).toEqual([
      'Кезек: №2026-751110-000001 өтініш кезекке қойылды. Кезек: Жалпы. Кезектегі нөміріңіз: 17.',
    ]);
    expect(email.sent[0]?.subject).toBe('Өтініш кезекке қойылды');
    expect((await outbox()).map((r) => [r.status, r.attempts, r.sent_at, r.provider_message_id])).toEqual([
      ['sent', 1, NOW, 'dev-sms-1'],
      ['sent', 1, NOW, 'dev-mail-1@kezek.localhost'],
    ]);
    expect(await deliverOutbox(deps, NOW)).toEqual({ sent: 0, retried: 0, dead: 0 });
  });

  it('retries transient failures with growing, jittered delays, then gives up as dead', async () => {
    await enqueueNotification(handle.db, { ...queued, recipients: { smsNumbers: ['+77012345678'] } });
    const down: SmsPort = { send: () => Promise.resolve(err(portError('UNAVAILABLE', 'gateway down'))) };
    const { deps } = devDeps(down);
    const policy = { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 4 };
    let at = NOW;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverOutbox(deps, at, policy)).toEqual({ sent: 0, retried: 1, dead: 0 });
      const [row] = await outbox();
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_error: 'gateway down' });
      const next = row?.next_attempt_at ?? at;
      delays.push(next.getTime() - at.getTime());
      expect(next.getTime() - at.getTime()).toBe(retryDelayMs(row?.id ?? 0, attempt, policy));
      expect(await deliverOutbox(deps, new Date(next.getTime() - 1), policy)).toEqual({
        sent: 0,
        retried: 0,
        dead: 0,
      });
      at = next;
    }
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    expect(await deliverOutbox(deps, at, policy)).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect(await outbox()).toMatchObject([
      { status: 'dead', attempts: 4, last_error: 'gateway down', sent_at: null },
    ]);
  });

  it('sends on a later attempt once the gateway is back', async () => {
    await enqueueNotification(handle.db, { ...queued, recipients: { smsNumbers: ['+77012345678'] } });
    let calls = 0;
    const flaky: SmsPort = {
      send: () =>
        Promise.resolve(
          ++calls === 1 ? err(portError('UNAVAILABLE', 'blip')) : ok({ providerMessageId: 'p-2' }),
        ),
    };
    const { deps } = devDeps(flaky);
    await deliverOutbox(deps, NOW);
    const [row] = await outbox();
    await deliverOutbox(deps, row?.next_attempt_at ?? NOW);
    expect(await outbox()).toMatchObject([
      { status: 'sent', attempts: 2, provider_message_id: 'p-2', last_error: null },
    ]);
  });

  it('makes a permanently refused or unrenderable row dead at once', async () => {
    const repo = notificationsRepository(handle.db);
    await repo.insert([
      {
        channel: 'sms',
        recipient: '+77272123456',
        template: 'queued',
        language: 'ru',
        payload: { applicationNumber: '1', queue: 'q', position: 1 },
        applicationId: null,
        dedupeKey: null,
        createdAt: NOW,
      },
      {
        channel: 'sms',
        recipient: '+77012345678',
        template: 'noSuchEvent',
        language: 'ru',
        payload: {},
        applicationId: null,
        dedupeKey: null,
        createdAt: NOW,
      },
      {
        channel: 'email',
        recipient: 'a@b.kz',
        template: 'queued',
        language: 'ru',
        payload: { applicationNumber: '1' },
        applicationId: null,
        dedupeKey: null,
        createdAt: NOW,
      },
    ]);
    const { deps } = devDeps();
    expect(await deliverOutbox(deps, NOW)).toEqual({ sent: 0, retried: 0, dead: 3 });
    expect((await outbox()).map((r) => [r.status, r.attempts])).toEqual(Array(3).fill(['dead', 1]));
    expect((await outbox()).map((r) => r.last_error)).toEqual([
      expect.stringContaining('not a Kazakhstan mobile number') as unknown,
      'unknown template noSuchEvent/ru',
      'queued: placeholder {queue} missing or not a text',
    ]);
  });

  it('leases each batch from when it is taken, so a long run never leaves rows for another deliverer', async () => {
    for (const number of ['+77011000001', '+77011000002'])
      await enqueueNotification(handle.db, { ...queued, recipients: { smsNumbers: [number] } });
    const slow = manualClock(NOW);
    const leases: string[] = [];
    const sms: SmsPort = {
      send: async (message) => {
        const row = await handle.db
          .selectFrom('outbox')
          .select('next_attempt_at')
          .where('recipient', '=', message.to)
          .executeTakeFirstOrThrow();
        leases.push(row.next_attempt_at.toISOString());
        slow.advance(4 * 60_000); // each message takes four minutes: the second batch starts after the first lease
        return ok({ providerMessageId: `slow-${message.to}` });
      },
    };
    const { deps } = devDeps(sms);
    await deliverOutbox({ ...deps, clock: slow }, NOW, { ...DEFAULT_DELIVERY_POLICY, batchSize: 1 });
    expect(leases).toEqual(['2026-03-02T05:05:00.000Z', '2026-03-02T05:09:00.000Z']);
  });

  it('never sends a row twice with concurrent deliverers (truly parallel on PostgreSQL)', async () => {
    const numbers = Array.from({ length: 40 }, (_, i) => `+7701${String(1_000_000 + i)}`);
    for (const number of numbers)
      await enqueueNotification(handle.db, { ...queued, recipients: { smsNumbers: [number] } });
    const sms = new DevSmsGateway(clock, log, { latencyMs: [1, 3] });
    const { deps } = devDeps(sms);
    const policy = { ...DEFAULT_DELIVERY_POLICY, batchSize: 4 };
    const reports = await Promise.all([1, 2, 3].map(() => deliverOutbox(deps, NOW, policy)));
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(40);
    expect(sms.sent.map((m) => m.to).sort()).toEqual([...numbers].sort());
    if (handle.engine === 'postgres') expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
  });
});

describe('retryDelayMs', () => {
  it('doubles up to the cap, with a deterministic jitter in the upper half', () => {
    const policy = { baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(3_600_000, 60_000 * 2 ** (attempt - 1));
      const delay = retryDelayMs(42, attempt, policy);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(retryDelayMs(42, attempt, policy)).toBe(delay);
    }
    expect(retryDelayMs(1, 3, policy)).not.toBe(retryDelayMs(2, 3, policy));
  });
});

describe('deliverOutboxJob', () => {
  it('delivers from the job runner at the slot instant', async () => {
    await enqueueNotification(handle.db, { ...queued, recipients: { email: 'parent@example.kz' } });
    const { deps, email } = devDeps();
    const outcomes = await runDueJobs(
      handle.db,
      [deliverOutboxJob(deps)],
      new Date(NOW.getTime() + 45_000),
      'test',
    );
    expect(outcomes.map((o) => [o.scheduledFor.toISOString(), o.outcome])).toEqual([
      ['2026-03-02T05:00:30.000Z', 'done'],
    ]);
    expect(email.sent).toHaveLength(1);
  });
});
