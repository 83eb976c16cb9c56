import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { EmailPort, PortError, SmsPort } from '../../ports';
import { isNotificationEvent, renderNotification, NOTIFICATION_LANGUAGES } from './notification-templates';
import type { NotificationsRepository, OutboxRow } from './notifications.repository';

export type DeliveryPolicy = {
  /** Rows taken per claim. */
  batchSize: number;
  /** Most rows one run sends; the rest wait for the next slot. */
  maxPerRun: number;
  /** After this many failed attempts a row is dead. */
  maxAttempts: number;
  /** Delay before the first retry; doubles with each attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a taken row stays hidden from other deliverers; longer than the ports' timeout. */
  leaseMs: number;
};

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  batchSize: 50,
  maxPerRun: 2000,
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  leaseMs: 5 * 60_000,
};

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half spread, so a gateway outage does not
 * make every message retry at the same instant. The spread comes from the row and attempt, not a random
 * source, so a replay retries at the same instants.
 */
export function retryDelayMs(
  id: number,
  attempt: number,
  policy: Pick<DeliveryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jitter = createHash('sha256').update(`${id}:${attempt}`).digest().readUInt32LE(0) / 2 ** 32;
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

export type DeliveryDeps = {
  repo: Pick<NotificationsRepository, 'claimDue' | 'markSent' | 'markRetry' | 'markDead'>;
  sms: SmsPort;
  email: EmailPort;
  /** The time as each batch is taken: its lease runs from then, however long the run has lasted. */
  clock: Clock;
  log: Logger;
};

export type DeliveryReport = { sent: number; retried: number; dead: number };

/** Sends the outbox rows due at `now` (the job slot's instant) through the SMS and e-mail ports. */
export async function deliverOutbox(
  deps: DeliveryDeps,
  now: Date,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, dead: 0 };
  for (let taken = 0; taken < policy.maxPerRun;) {
    const limit = Math.min(policy.batchSize, policy.maxPerRun - taken);
    const leaseUntil = new Date(Math.max(now.getTime(), deps.clock.now().getTime()) + policy.leaseMs);
    const rows = await deps.repo.claimDue(now, limit, leaseUntil);
    for (const row of rows) await deliverRow(deps, row, now, policy, report);
    taken += rows.length;
    if (rows.length < limit) break;
  }
  return report;
}

async function deliverRow(
  deps: DeliveryDeps,
  row: OutboxRow,
  now: Date,
  policy: DeliveryPolicy,
  report: DeliveryReport,
): Promise<void> {
  const attempts = row.attempts + 1;
  const result = await send(deps, row);
  if (result.ok) {
    await deps.repo.markSent(row.id, attempts, now, result.providerMessageId);
    report.sent++;
  } else if (result.error.retryable && attempts < policy.maxAttempts) {
    const next = new Date(now.getTime() + retryDelayMs(row.id, attempts, policy));
    await deps.repo.markRetry(row.id, attempts, next, result.error.message);
    report.retried++;
  } else {
    await deps.repo.markDead(row.id, attempts, result.error.message);
    deps.log.warn('notification undeliverable', {
      outboxId: row.id,
      channel: row.channel,
      error: result.error.message,
    });
    report.dead++;
  }
}

type SendResult =
  { ok: true; providerMessageId: string } | { ok: false; error: Pick<PortError, 'message' | 'retryable'> };

async function send(deps: DeliveryDeps, row: OutboxRow): Promise<SendResult> {
  const language = NOTIFICATION_LANGUAGES.find((l) => l === row.language);
  const payload =
    typeof row.payload === 'object' && row.payload !== null ? (row.payload as Record<string, unknown>) : {};
  const rendered =
    isNotificationEvent(row.template) && language !== undefined
      ? renderNotification(row.template, language, payload)
      : { ok: false as const, error: `unknown template ${row.template}/${row.language}` };
  if (!rendered.ok) return { ok: false, error: { message: rendered.error, retryable: false } };
  if (row.channel === 'sms') {
    const result = await deps.sms.send({ to: row.recipient, text: rendered.text });
    return result.ok ? { ok: true, providerMessageId: result.value.providerMessageId } : result;
  }
  const result = await deps.email.send({ to: row.recipient, subject: rendered.subject, text: rendered.text });
  return result.ok ? { ok: true, providerMessageId: result.value.messageId } : result;
}
