import type { Group } from '../categories/categories';
import type { RuleId } from '../refusal';
import { nextGSinceP, orderQueue, type OrderOptions, type QueueMember } from './ordering';
import { createQueueIndex, type QueueIndex } from './queue-index';

/** A queue at one moment: its `queued` members and the ordering options then in force. */
export type Snapshot = OrderOptions & { readonly members: readonly QueueMember[] };

/** The domain events of one queue key that move positions (R-ORDER-06), in the order they happened. */
export type QueueEvent =
  /** A new application registered after confirmation (R-ELIG-13), with its submission time. */
  | { readonly kind: 'registered'; readonly member: QueueMember }
  /** Back from a referral or the stop list, keeping its time (R-ORDER-10). */
  | { readonly kind: 'returned'; readonly member: QueueMember }
  /** R-ORDER-07: a category confirmed or removed. */
  | { readonly kind: 'groupChanged'; readonly id: string; readonly group: Group }
  | { readonly kind: 'referred'; readonly id: string; readonly temporary?: boolean }
  | { readonly kind: 'withdrawn' | 'stopped' | 'archived'; readonly id: string };

export type ExplanationKind =
  | 'outOfTurnAhead'
  | 'priorityAheadInterleaved'
  | 'registeredAhead'
  | 'returnedAhead'
  | 'groupChangedAhead'
  | 'priorityConfirmed'
  | 'priorityRemoved'
  | 'referredAhead'
  | 'withdrawnAhead'
  | 'stoppedAhead'
  | 'archivedAhead'
  | 'interleaveShift'
  | 'ownReturned'
  | 'unexplained';

/**
 * One reason a position changed: `count` events of this kind moved it by `delta` places in total
 * (positive = further back). The deltas of an explanation sum to the whole change.
 */
export type Explanation = {
  readonly kind: ExplanationKind;
  readonly count: number;
  readonly delta: number;
  readonly rule: RuleId;
};

const RULES: Readonly<Record<ExplanationKind, RuleId>> = {
  outOfTurnAhead: 'R-ORDER-02',
  priorityAheadInterleaved: 'R-ORDER-03',
  registeredAhead: 'R-ORDER-01',
  returnedAhead: 'R-ORDER-10',
  groupChangedAhead: 'R-ORDER-07',
  priorityConfirmed: 'R-ORDER-07',
  priorityRemoved: 'R-ORDER-07',
  referredAhead: 'R-ORDER-09',
  withdrawnAhead: 'R-APPL-03',
  stoppedAhead: 'R-SYS-12',
  archivedAhead: 'R-SYS-10',
  interleaveShift: 'R-ORDER-05',
  ownReturned: 'R-ORDER-10',
  unexplained: 'R-ORDER-06',
};

const GROUP_RANK: Readonly<Record<Group, number>> = { G: 0, P: 1, O: 2 };

const ARRIVAL_KIND: Readonly<Record<Group, ExplanationKind>> = {
  O: 'outOfTurnAhead',
  P: 'priorityAheadInterleaved',
  G: 'registeredAhead',
};

/** One change to the replayed queue and the kind its effect on the position is credited to. */
type Step = { readonly kind: ExplanationKind; readonly apply: () => void };

function stepsOf(event: QueueEvent, index: QueueIndex, id: string): Step[] {
  switch (event.kind) {
    case 'registered':
    case 'returned':
      return [
        {
          kind:
            event.member.id === id
              ? 'ownReturned'
              : event.kind === 'returned'
                ? 'returnedAhead'
                : ARRIVAL_KIND[event.member.group],
          apply: () => {
            if (!index.has(event.member.id)) index.insert(event.member);
          },
        },
      ];
    case 'groupChanged': {
      const member = index.get(event.id);
      if (member === undefined) return [];
      const own = event.id === id;
      const up = GROUP_RANK[event.group] > GROUP_RANK[member.group];
      return [
        {
          kind: own ? (up ? 'priorityConfirmed' : 'priorityRemoved') : 'groupChangedAhead',
          apply: () => index.update({ ...member, group: event.group }),
        },
      ];
    }
    case 'referred': {
      const member = index.get(event.id);
      if (member === undefined) return [];
      // R-ORDER-05, R-ORDER-09: the referral's removal and its move of the counter are told apart.
      return [
        { kind: 'referredAhead', apply: () => event.temporary === true || index.remove(event.id) },
        {
          kind: 'interleaveShift',
          apply: () =>
            index.setGSinceP(nextGSinceP(index.gSinceP, member.group, { ...index.options, ...event })),
        },
      ];
    }
    case 'withdrawn':
    case 'stopped':
    case 'archived': {
      const kind: ExplanationKind = `${event.kind}Ahead`;
      return [{ kind, apply: () => index.remove(event.id) }];
    }
  }
}

/**
 * Why application `id` moved between two snapshots of its queue: the events are replayed one by one
 * from `before` and each change of position is credited to its event's kind (A-22: a privilege can
 * worsen a position, so deltas have either sign). Whatever the events do not account for — a changed
 * policy, missing events — is reported as `interleaveShift` or `unexplained`, so the deltas always sum
 * to the change. Empty when the application is not queued in both snapshots.
 */
export function explainPositionChange(
  before: Snapshot,
  after: Snapshot,
  events: readonly QueueEvent[],
  id: string,
): Explanation[] {
  const finalPosition = orderQueue(after.members, after).findIndex((member) => member.id === id) + 1;
  const index = createQueueIndex(before, before.members, before.gSinceP);
  const startPosition = index.positionOf(id);
  if (startPosition === undefined || finalPosition === 0) return [];

  const totals = new Map<ExplanationKind, { count: number; delta: number }>();
  let position = startPosition;
  const credit = (kind: ExplanationKind, next: number | undefined): void => {
    if (next === undefined || next === position) return;
    const total = totals.get(kind) ?? { count: 0, delta: 0 };
    totals.set(kind, { count: total.count + 1, delta: total.delta + next - position });
    position = next;
  };

  for (const event of events)
    for (const step of stepsOf(event, index, id)) {
      step.apply();
      credit(step.kind, index.positionOf(id));
    }

  const replayed = createQueueIndex(after, index.ordered(), after.gSinceP);
  credit('interleaveShift', replayed.positionOf(id));
  credit('unexplained', finalPosition);

  return [...totals].map(([kind, total]) => ({ kind, ...total, rule: RULES[kind] }));
}

const plural = (count: number, one: string, many: string = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

const MESSAGES: Readonly<Record<ExplanationKind, (count: number) => string>> = {
  outOfTurnAhead: (n) => `${plural(n, 'out-of-turn application')} registered ahead`,
  priorityAheadInterleaved: (n) => `${plural(n, 'first-priority application')} placed ahead by the 1:3 rule`,
  registeredAhead: (n) => `${plural(n, 'earlier-submitted application')} registered ahead`,
  returnedAhead: (n) => `${plural(n, 'application')} returned to the queue ahead`,
  groupChangedAhead: (n) => `${plural(n, 'application')} ahead changed privilege status`,
  priorityConfirmed: () => 'your privilege was confirmed and the application moved to its group',
  priorityRemoved: () => 'your privilege was removed and the application moved to its group',
  referredAhead: (n) => `${plural(n, 'application')} ahead received referrals`,
  withdrawnAhead: (n) => `${plural(n, 'application')} ahead ${n === 1 ? 'was' : 'were'} withdrawn`,
  stoppedAhead: (n) => `${plural(n, 'application')} ahead went to the stop list`,
  archivedAhead: (n) => `${plural(n, 'application')} ahead ${n === 1 ? 'was' : 'were'} archived`,
  interleaveShift: () => 'the 1:3 interleave of first-priority applications moved on',
  ownReturned: () => 'your application returned to the queue',
  unexplained: () => 'other changes to the queue',
};

/** English text for logs and the API's default; the UI localises by `kind`. */
export const describeExplanation = (explanation: Explanation): string => {
  const places = plural(Math.abs(explanation.delta), 'place');
  const direction = explanation.delta < 0 ? `up ${places}` : `down ${places}`;
  return `${MESSAGES[explanation.kind](explanation.count)} (${direction}; ${explanation.rule})`;
};
