import type { PositionView } from '@kezek/contracts';
import {
  DEFAULT_POLICY,
  applyQueueEvent,
  describeExplanation,
  emptyQueueState,
  orderQueue,
  snapshotOf,
  explainPositionChange,
  instantFromEpochMs,
  localDateOf,
  type Group,
  type QueueEvent,
  type QueueMember,
} from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { requireSignedIn } from '../auth/authorize';
import { readApplication } from './application-change';
import type { ApplicationsRepository } from './applications.repository';
import { queueKeyOf } from './application-view';
import { loadOrderedQueue } from './queue-order';

type Deps = {
  applications: Pick<ApplicationsRepository, 'byId' | 'queue' | 'queueEvents' | 'membersByIds'>;
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
 * R-APPL-11 and the mission's "a parent sees their position and why it changed": the current position, how many
 * are ahead in each group, and per day the reasons the position moved (the deltas of a day sum to its change).
 */
export async function getPosition(deps: Deps, actor: Actor, id: string): Promise<PositionView> {
  requireSignedIn(actor);
  const record = await readApplication(deps.applications, actor, id);
  const { order, positionOf } = await loadOrderedQueue(deps.applications, {
    settlement: record.settlement_kato,
    birthYear: record.birth_year,
    queue: record.queue,
  });
  const position = record.status === 'queued' ? positionOf(record.id) : null;
  const ahead = position === null ? [] : order.slice(0, position - 1);
  const count = (group: Group) => ahead.filter((member) => member.group === group).length;

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

  // Replay the whole history once; at each day's end compare with the day's start and explain the difference.
  const state = emptyQueueState();
  const positionNow = () => {
    const ordered = orderQueue([...state.members.values()], { ...OPTIONS, gSinceP: state.gSinceP });
    const at = ordered.findIndex((member) => member.id === record.id);
    return at < 0 ? null : at + 1;
  };
  const history: PositionView['history'] = [];
  for (const [, indexes] of days) {
    const before = snapshotOf(state, OPTIONS);
    const positionBefore = state.members.has(record.id) ? positionNow() : null;
    const dayEvents = indexes.flatMap((i) => (events[i] === undefined ? [] : [events[i]]));
    for (const event of dayEvents) applyQueueEvent(state, event, OPTIONS);
    const positionAfter = state.members.has(record.id) ? positionNow() : null;
    if (positionBefore === null || positionAfter === null || positionBefore === positionAfter) continue;
    const after = snapshotOf(state, OPTIONS);
    const at = stored[indexes.at(-1) ?? 0]?.at ?? record.submitted_at;
    for (const explanation of explainPositionChange(before, after, dayEvents, record.id)) {
      history.push({
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

  return {
    applicationId: record.id,
    queueKey: queueKeyOf(record),
    status: record.status,
    position,
    queueLength: order.length,
    aheadByGroup: { O: count('O'), P: count('P'), G: count('G') },
    history: history.reverse(),
  };
}
