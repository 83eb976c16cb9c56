import { every, type JobDefinition } from '../../platform/jobs/job';
import {
  deliverOutbox,
  DEFAULT_DELIVERY_POLICY,
  type DeliveryDeps,
  type DeliveryPolicy,
} from './deliver-outbox';

/**
 * Outbox delivery as a job (ADR 0004): a slot every `intervalMs`; only the latest missed slot matters
 * after downtime (it sends everything due by then), so the catch-up window is one interval.
 */
export function deliverOutboxJob(
  deps: DeliveryDeps,
  options: { intervalMs?: number; policy?: DeliveryPolicy } = {},
): JobDefinition {
  const intervalMs = options.intervalMs ?? 30_000;
  return {
    name: 'deliverOutbox',
    schedule: every(intervalMs),
    catchUpWindowMs: intervalMs,
    handler: (scheduledFor) => deliverOutbox(deps, scheduledFor, options.policy ?? DEFAULT_DELIVERY_POLICY),
  };
}
