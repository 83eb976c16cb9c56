import type { PositionHistoryView } from '@kezek/contracts';
import {
  DEFAULT_POLICY,
  applyQueueEvent,
  describeExplanation,
  emptyQueueState,
  explainPositionChange,
  instantFromEpochMs,
  localDateOf,
  orderQueue,
  snapshotOf,
  type Group,
  type QueueEvent,
  type QueueMember,
} from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { requireSignedIn } from '../auth/authorize';
import { readApplication } from './application-change';
import type { ApplicationsRepository } from './applications.repository';
import { queueKeyOf } from './application-view';

type Deps = {
  applications: Pick<ApplicationsRepository, 'byId' | 'queueEvents' | 'membersByIds'>;
  format: (at: Date) => string;
};

const OPTIONS = {
  generalPerPriority: DEFAULT_POLICY.generalPerPriority,
  interleave: DEFAULT_POLICY.interleave,
};

type StoredEvent = Awaited<ReturnType<ApplicationsRepository['queueEvents']>>[number];

/** Rebuilds the domain events of a queue from its stored history (R-ORDER-06). */
function toQueueEvents(
  stored: readonly StoredEvent[],
  facts: ReadonlyMap<string, Omit<QueueMember, 'group'>>,
): QueueEvent[] {
  return stored.flatMap((event): QueueEvent[] => {
    const group = (event.data as { group?: Group }).group ?? 'G';
    const fact = facts.get(event.application_id);
    switch (event.kind) {
      case 'registered':
      case 'returned':
        return fact === undefined ? [] : [{ kind: event.kind, member: { ...fact, group } }];
      case 'groupChanged':
        return [{ kind: 'groupChanged', id: event.application_id, group }];
      case 'referred':
      case 'withdrawn':
      case 'stopped':
      case 'archived':
        return [{ kind: event.kind, id: event.application_id }];
      default:
        return [];
    }
  });
}

/**
 * The mission's "a parent sees their position and *why it changed*": the queue's history is replayed once, and
 * at the end of each day that moved the position, the change is explained by the day's events (R-ORDER-06).
 */
export async function getPositionHistory(deps: Deps, actor: Actor, id: string): Promise<PositionHistoryView> {
  requireSignedIn(actor);
  const record = await readApplication(deps.applications, actor, id);
  const stored = await deps.applications.queueEvents(queueKeyOf(record));
  const facts = new Map(
    (await deps.applications.membersByIds([...new Set(stored.map((e) => e.application_id))])).map((row) => [
      row.id,
      {
        id: row.id,
        submittedAt: instantFromEpochMs(row.submitted_at.getTime()),
        registrationSeq: Number(row.registration_seq),
      },
    ]),
  );
  const events = toQueueEvents(stored, facts);
  const days = new Map<string, number[]>();
  stored.forEach((event, i) => {
    const day = localDateOf(instantFromEpochMs(event.at.getTime()));
    days.set(day, [...(days.get(day) ?? []), i]);
  });

  const state = emptyQueueState();
  const positionNow = () => {
    if (!state.members.has(record.id)) return null;
    const ordered = orderQueue([...state.members.values()], { ...OPTIONS, gSinceP: state.gSinceP });
    return ordered.findIndex((member) => member.id === record.id) + 1;
  };
  const changes: PositionHistoryView['changes'] = [];
  for (const indexes of days.values()) {
    const before = snapshotOf(state, OPTIONS);
    const positionBefore = positionNow();
    const dayEvents = indexes.flatMap((i) => (events[i] === undefined ? [] : [events[i]]));
    for (const event of dayEvents) applyQueueEvent(state, event, OPTIONS);
    const positionAfter = positionNow();
    if (positionBefore === null || positionAfter === null || positionBefore === positionAfter) continue;
    const at = stored[indexes.at(-1) ?? 0]?.at ?? record.submitted_at;
    for (const explanation of explainPositionChange(
      before,
      snapshotOf(state, OPTIONS),
      dayEvents,
      record.id,
    )) {
      changes.push({
        at: deps.format(at),
        kind: explanation.kind,
        count: explanation.count,
        rule: explanation.rule,
        message: describeExplanation(explanation),
        positionBefore,
        positionAfter,
      });
    }
  }
  return { applicationId: record.id, changes: changes.reverse() };
}
