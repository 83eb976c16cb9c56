import type { ApplicationView } from '@kezek/contracts';
import {
  DEFAULT_POLICY,
  orderingGroup,
  instantFromEpochMs,
  orderQueue,
  type QueueMember,
} from '@kezek/domain';
import type { ApplicationsRepository, QueueMemberRow } from './applications.repository';

export const toMember = (row: QueueMemberRow): QueueMember => ({
  id: row.id,
  group: orderingGroup(row.categories, row.privilege_used),
  submittedAt: instantFromEpochMs(row.submitted_at.getTime()),
  registrationSeq: Number(row.registration_seq),
});

export type OrderedQueue = { order: QueueMember[]; positionOf: (id: string) => number | null };

/** A queue in the order of the rules (R-ORDER-01..05); positions are 1-based. */
export function orderedQueue(loaded: { members: readonly QueueMemberRow[]; gSinceP: number }): OrderedQueue {
  const order = orderQueue(loaded.members.map(toMember), {
    generalPerPriority: DEFAULT_POLICY.generalPerPriority,
    interleave: DEFAULT_POLICY.interleave,
    gSinceP: loaded.gSinceP,
  });
  const index = new Map(order.map((member, i) => [member.id, i + 1]));
  return { order, positionOf: (id) => index.get(id) ?? null };
}

/** The current order of one queue key, read inside the caller's transaction (no cache: it may have just changed). */
export async function loadOrderedQueue(
  repo: Pick<ApplicationsRepository, 'queue'>,
  key: Pick<ApplicationView, 'settlement' | 'birthYear' | 'queue'>,
): Promise<OrderedQueue> {
  return orderedQueue(await repo.queue(key.settlement, key.birthYear, key.queue));
}
