import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group } from '../categories/categories';
import { instantFromEpochMs } from '../time/instant';
import { orderQueue, type OrderOptions, type QueueMember } from './ordering';
import {
  describeExplanation,
  explainPositionChange,
  type Explanation,
  type QueueEvent,
  type Snapshot,
} from './position-explanation';
import { createQueueIndex } from './queue-index';
import { ANCHORED, member, membersArbitrary, orderOptionsArbitrary } from './queue-test-helpers';

const positionIn = (snapshot: Snapshot, id: string) =>
  orderQueue(snapshot.members, snapshot).findIndex((m) => m.id === id) + 1;

const summary = (explanations: readonly Explanation[]) =>
  explanations.map(({ kind, count, delta, rule }) => `${kind} ${count} ${delta} ${rule}`);

const E2_MEMBERS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5'].map((id, i) => member(id, 'G', `2026-02-02T09:0${i}`)),
  member('q1', 'P', '2026-02-02T09:10'),
];

/** Applies events the way the replay does, to build the `after` snapshot. */
function applyAll(before: Snapshot, events: readonly QueueEvent[]): Snapshot {
  const index = createQueueIndex(before, before.members, before.gSinceP);
  for (const event of events) {
    if (event.kind === 'registered' || event.kind === 'returned') index.insert(event.member);
    else if (event.kind === 'groupChanged') {
      const current = index.get(event.id);
      if (current) index.update({ ...current, group: event.group });
    } else if (event.kind === 'referred') index.recordReferral(event.id, event);
    else index.remove(event.id);
  }
  return { ...index.options, members: index.ordered() };
}

describe('explainPositionChange', () => {
  const start: Snapshot = { ...ANCHORED, gSinceP: 0, members: E2_MEMBERS };

  it('R-ORDER-05, E2: three G referrals ahead move q1 from 4th to 1st through the counter', () => {
    const events: QueueEvent[] = ['h1', 'h2', 'h3'].map((id) => ({ kind: 'referred', id }));
    const after = applyAll(start, events);
    expect([positionIn(start, 'q1'), positionIn(after, 'q1')]).toEqual([4, 1]);
    expect(summary(explainPositionChange(start, after, events, 'q1'))).toEqual([
      'interleaveShift 3 -3 R-ORDER-05',
    ]);
    // h5 moves up only by the referrals ahead of it.
    expect(summary(explainPositionChange(start, after, events, 'h5'))).toEqual([
      'referredAhead 3 -3 R-ORDER-09',
    ]);
  });

  it('R-ORDER-03, A-03: under `stateless` q1 gains only when fewer than three G remain', () => {
    const stateless: Snapshot = { ...start, interleave: 'stateless' };
    const events: QueueEvent[] = ['h1', 'h2', 'h3'].map((id) => ({ kind: 'referred', id }));
    const after = applyAll(stateless, events);
    expect(summary(explainPositionChange(stateless, after, events, 'q1'))).toEqual([
      'referredAhead 1 -1 R-ORDER-09',
    ]);
  });

  it('R-ORDER-07, A-22, E8: own privilege confirmed moves g4 from 7th to 10th', () => {
    const at = (time: string) => `2026-02-02T${time}`;
    const members = [
      member('g1', 'G', at('10:00')),
      member('p1', 'P', at('10:05')),
      member('g2', 'G', at('10:10')),
      member('g3', 'G', at('10:15')),
      member('g4', 'G', at('10:20')),
      member('o1', 'O', at('10:25')),
      member('p2', 'P', at('10:30')),
      member('g5', 'G', at('10:35')),
      member('o2', 'O', at('10:40')),
      member('g6', 'G', at('10:45')),
      member('g7', 'G', at('10:50')),
    ];
    const before: Snapshot = { ...ANCHORED, gSinceP: 0, members };
    const events: QueueEvent[] = [{ kind: 'groupChanged', id: 'g4', group: 'P' }];
    const after = applyAll(before, events);
    const explanation = explainPositionChange(before, after, events, 'g4');
    expect(summary(explanation)).toEqual(['priorityConfirmed 1 3 R-ORDER-07']);
    expect(explanation.map(describeExplanation)).toEqual([
      'your privilege was confirmed and the application moved to its group (down 3 places; R-ORDER-07)',
    ]);
    // g5 (8th) moves up past g4; p2 (10th) is pushed back behind g4.
    expect(summary(explainPositionChange(before, after, events, 'g5'))).toEqual([
      'groupChangedAhead 1 -1 R-ORDER-07',
    ]);
  });

  it('R-ORDER-02, R-APPL-03, R-SYS-10, R-SYS-12: one entry per kind, with counts', () => {
    const events: QueueEvent[] = [
      { kind: 'registered', member: member('o1', 'O', '2026-02-03T09:00') },
      { kind: 'registered', member: member('o2', 'O', '2026-02-03T09:01') },
      { kind: 'withdrawn', id: 'h1' },
      { kind: 'stopped', id: 'h2' },
      { kind: 'archived', id: 'h3' },
      { kind: 'registered', member: member('h9', 'G', '2026-02-03T09:02') },
    ];
    const after = applyAll(start, events);
    const explanation = explainPositionChange(start, after, events, 'h5');
    expect(summary(explanation)).toEqual([
      'outOfTurnAhead 2 2 R-ORDER-02',
      'withdrawnAhead 1 -1 R-APPL-03',
      'stoppedAhead 1 -2 R-SYS-12',
      'archivedAhead 1 -1 R-SYS-10',
    ]);
    expect(describeExplanation(explanation[0] as Explanation)).toBe(
      '2 out-of-turn applications registered ahead (down 2 places; R-ORDER-02)',
    );
  });

  it('R-ORDER-10: a return ahead, and the own return after a cancelled referral', () => {
    const h1 = E2_MEMBERS[0] as QueueMember;
    const events: QueueEvent[] = [
      { kind: 'referred', id: 'h2' },
      { kind: 'returned', member: E2_MEMBERS[1] as QueueMember },
    ];
    expect(summary(explainPositionChange(start, applyAll(start, events), events, 'h5'))).toEqual([
      'referredAhead 1 -1 R-ORDER-09',
      'returnedAhead 1 1 R-ORDER-10',
    ]);
    const own: QueueEvent[] = [
      { kind: 'referred', id: 'h1' },
      { kind: 'referred', id: 'h2' },
      { kind: 'returned', member: h1 },
    ];
    const after = applyAll(start, own);
    expect(summary(explainPositionChange(start, after, own, 'h1'))).toEqual([]);
    expect(positionIn(after, 'h1')).toBe(1);
  });

  it('R-ORDER-06: without the events the change is reported as unexplained', () => {
    const events: QueueEvent[] = [{ kind: 'withdrawn', id: 'h1' }];
    const after = applyAll(start, events);
    expect(summary(explainPositionChange(start, after, [], 'h5'))).toEqual(['unexplained 1 -1 R-ORDER-06']);
  });

  it('is empty for an application not queued in both snapshots', () => {
    const events: QueueEvent[] = [{ kind: 'withdrawn', id: 'h1' }];
    expect(explainPositionChange(start, applyAll(start, events), events, 'h1')).toEqual([]);
  });

  const GROUPS: readonly Group[] = ['O', 'P', 'G'];
  const eventsArbitrary = (members: readonly QueueMember[]): fc.Arbitrary<QueueEvent[]> =>
    fc.array(
      fc.oneof(
        fc
          .record({ group: fc.constantFrom(...GROUPS), minute: fc.nat(30) })
          .map(({ group, minute }): QueueEvent => ({
            kind: 'registered',
            member: {
              id: '',
              group,
              submittedAt: instantFromEpochMs(1_770_000_000_000 + minute * 60_000),
              registrationSeq: 0,
            },
          })),
        fc
          .record({
            kind: fc.constantFrom(
              'referred' as const,
              'withdrawn' as const,
              'stopped' as const,
              'archived' as const,
            ),
            pick: fc.nat(),
            temporary: fc.boolean(),
          })
          .map(({ kind, pick, temporary }): QueueEvent =>
            kind === 'referred'
              ? { kind, id: members[pick % Math.max(1, members.length)]?.id ?? '', temporary }
              : { kind, id: members[pick % Math.max(1, members.length)]?.id ?? '' },
          ),
        fc
          .record({ pick: fc.nat(), group: fc.constantFrom(...GROUPS) })
          .map(({ pick, group }): QueueEvent => ({
            kind: 'groupChanged',
            id: members[pick % Math.max(1, members.length)]?.id ?? '',
            group,
          })),
      ),
      { maxLength: 25 },
    );

  /** Gives generated arrivals fresh ids and sequences, and drops events about applications not queued. */
  function coherent(before: Snapshot, drafts: readonly QueueEvent[]): QueueEvent[] {
    const queued = new Set(before.members.map((m) => m.id));
    return drafts.flatMap((event, i): QueueEvent[] => {
      if (event.kind === 'registered') {
        const id = `n${i}`;
        queued.add(id);
        return [{ kind: 'registered', member: { ...event.member, id, registrationSeq: 10_000 + i } }];
      }
      if (event.kind === 'returned' || !queued.has(event.id)) return [];
      if (event.kind !== 'groupChanged' && !(event.kind === 'referred' && event.temporary === true))
        queued.delete(event.id);
      return [event];
    });
  }

  it('R-ORDER-06: the explained deltas sum to the position change, with nothing unexplained', () => {
    fc.assert(
      fc.property(
        membersArbitrary(40).chain((members) =>
          fc.tuple(fc.constant(members), orderOptionsArbitrary, eventsArbitrary(members)),
        ),
        ([members, options, drafts]: [QueueMember[], OrderOptions, QueueEvent[]]) => {
          const before: Snapshot = { ...options, members };
          const events = coherent(before, drafts);
          const after = applyAll(before, events);
          for (const { id } of members) {
            const [from, to] = [positionIn(before, id), positionIn(after, id)];
            const explanation = explainPositionChange(before, after, events, id);
            if (to === 0) {
              expect(explanation).toEqual([]);
              continue;
            }
            expect(explanation.reduce((sum, e) => sum + e.delta, 0)).toBe(to - from);
            expect(explanation.some((e) => e.kind === 'unexplained')).toBe(false);
            expect(explanation.every((e) => e.count > 0)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('R-ORDER-06: the deltas sum to the change even for unrelated snapshots', () => {
    fc.assert(
      fc.property(
        membersArbitrary(30),
        membersArbitrary(30),
        orderOptionsArbitrary,
        orderOptionsArbitrary,
        (a, b, oa, ob) => {
          const [before, after] = [
            { ...oa, members: a },
            { ...ob, members: b },
          ];
          for (const { id } of a) {
            const to = positionIn(after, id);
            const sum = explainPositionChange(before, after, [], id).reduce((total, e) => total + e.delta, 0);
            expect(sum).toBe(to === 0 ? 0 : to - positionIn(before, id));
          }
        },
      ),
    );
  });
});
