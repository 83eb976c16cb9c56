import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOf } from '../categories/categories';
import { nextGSinceP, orderQueue, type OrderOptions, type QueueMember } from './ordering';
import {
  ANCHORED,
  ids,
  literalOrder,
  member,
  membersArbitrary,
  orderOptionsArbitrary,
} from './queue-test-helpers';

const at = (time: string) => `2026-02-02T${time}`;

// E1: queue 751110000/2022/general, all submitted on 2026-02-02; groups from the categories (R-ORDER-04).
const E1: readonly QueueMember[] = [
  member('g1', groupOf(['none']), at('10:00')),
  member('p1', groupOf(['largeFamily']), at('10:05')),
  member('g2', groupOf([]), at('10:10')),
  member('g3', groupOf([]), at('10:15')),
  member('g4', groupOf([]), at('10:20')),
  member('o1', groupOf(['military']), at('10:25')),
  member('p2', groupOf(['teacher']), at('10:30')),
  member('g5', groupOf([]), at('10:35')),
  member('o2', groupOf(['lawEnforcement', 'largeFamily']), at('10:40')),
  member('g6', groupOf([]), at('10:45')),
  member('g7', groupOf([]), at('10:50')),
];

const fresh: OrderOptions = { ...ANCHORED, gSinceP: 0 };

describe('orderQueue (§21, R-ORDER)', () => {
  it('R-ORDER-01/02/03/04, R-CAT-01/02/04: worked example E1', () => {
    expect(ids(orderQueue(E1, fresh))).toEqual([
      'o1',
      'o2',
      'g1',
      'g2',
      'g3',
      'p1',
      'g4',
      'g5',
      'g6',
      'p2',
      'g7',
    ]);
  });

  it('R-ORDER-07, A-22: worked example E8 — g4 gains `teacher` and drops from 7th to 10th', () => {
    const withTeacher = E1.map((m) => (m.id === 'g4' ? { ...m, group: groupOf(['teacher']) } : m));
    const order = ids(orderQueue(withTeacher, fresh));
    expect(order).toEqual(['o1', 'o2', 'g1', 'g2', 'g3', 'p1', 'g5', 'g6', 'g7', 'g4', 'p2']);
    expect(order.indexOf('g4') + 1).toBe(10);
    expect(ids(orderQueue(E1, fresh)).indexOf('g4') + 1).toBe(7);
  });

  it('R-ORDER-04, R-REF-08: worked example E4 variant — o1 re-queued as G keeps its time', () => {
    const queued = E1.filter((m) => m.id !== 'g1').map((m) =>
      m.id === 'o1' ? { ...m, group: groupOf([]) } : m,
    );
    // g1 was referred (G) before, so the counter is 1 (R-ORDER-05).
    expect(ids(orderQueue(queued, { ...fresh, gSinceP: 1 }))).toEqual([
      'o2',
      'g2',
      'g3',
      'p1',
      'g4',
      'o1',
      'g5',
      'p2',
      'g6',
      'g7',
    ]);
  });

  describe('R-ORDER-05, A-03: worked example E2 — the counter lets q1 reach the head', () => {
    const E2 = [
      ...['h1', 'h2', 'h3', 'h4', 'h5'].map((id, i) => member(id, 'G', `2026-02-02T09:0${i}`)),
      member('q1', groupOf(['largeFamily']), '2026-02-02T09:10'),
    ];
    it('R-ORDER-03: h1 h2 h3 q1 h4 h5 at the start', () => {
      expect(ids(orderQueue(E2, fresh))).toEqual(['h1', 'h2', 'h3', 'q1', 'h4', 'h5']);
    });

    it.each([
      ['anchored', ['q1', 'h4', 'h5'], 3],
      ['stateless', ['h4', 'h5', 'q1'], 0],
    ] as const)(
      'R-ORDER-05: %s — after h1, h2, h3 are referred the order is %j',
      (interleave, expected, counter) => {
        let gSinceP = 0;
        let queued = E2;
        for (const referred of ['h1', 'h2', 'h3']) {
          queued = queued.filter((m) => m.id !== referred);
          gSinceP = nextGSinceP(gSinceP, 'G', { generalPerPriority: 3, interleave });
        }
        expect(gSinceP).toBe(counter);
        expect(ids(orderQueue(queued, { generalPerPriority: 3, interleave, gSinceP }))).toEqual(expected);
      },
    );

    it('R-ORDER-05: q1 claims on Saturday and the counter restarts', () => {
      expect(nextGSinceP(3, 'P', ANCHORED)).toBe(0);
    });
  });

  it('R-CAT-03: only confirmed categories count — a pending `teacher` leaves g4 general', () => {
    const confirmed: string[] = [];
    const pending = E1.map((m) => (m.id === 'g4' ? { ...m, group: groupOf(confirmed) } : m));
    expect(ids(orderQueue(pending, fresh))).toEqual(ids(orderQueue(E1, fresh)));
  });

  it('R-CAT-05: in a special queue every child is SEN (P), so non-O order is by time', () => {
    const special = [
      member('s2', groupOf(['sen']), '2026-02-02T09:02'),
      member('s1', groupOf(['sen', 'largeFamily']), '2026-02-02T09:01'),
      member('s0', groupOf(['sen', 'military']), '2026-02-02T09:03'),
      member('s3', groupOf(['sen']), '2026-02-02T09:00'),
    ];
    expect(ids(orderQueue(special, fresh))).toEqual(['s0', 's3', 's1', 's2']);
  });

  it('R-ORDER-08, G-01: worked example E7 — equal times go by registration sequence', () => {
    const E7 = [
      member('a1', 'G', '2026-02-02T09:00:00.000', 100),
      member('a2', 'G', '2026-02-02T09:05:00.000', 102),
      member('t1', 'G', '2026-02-02T09:05:00.000', 101),
      member('t2', 'G', '2026-02-02T09:09', 104),
      member('a3', 'G', '2026-02-02T09:07', 103),
    ];
    expect(ids(orderQueue(E7, fresh))).toEqual(['a1', 't1', 'a2', 'a3', 't2']);
  });

  it.each([
    ['R-ORDER-03: P after 3 G', 'GGGGPP', 0, 'g1 g2 g3 p1 g4 p2'],
    ['R-ORDER-03: when G runs out the P continue', 'GPPP', 0, 'g1 p1 p2 p3'],
    ['R-ORDER-03: when P runs out the G continue', 'PGGGGGGG', 0, 'g1 g2 g3 p1 g4 g5 g6 g7'],
    ['R-ORDER-05: gSinceP 2 — one G before the first P', 'GGGGPP', 2, 'g1 p1 g2 g3 g4 p2'],
    ['R-ORDER-05: gSinceP 3 — P first', 'GGGPP', 3, 'p1 g1 g2 g3 p2'],
    ['R-ORDER-02: O before P and G, by time', 'GPOO', 0, 'o1 o2 g1 p1'],
  ])('%s', (_, groups, gSinceP, expected) => {
    const counters = { O: 0, P: 0, G: 0 };
    const members = [...groups].map((group, index) => {
      const g = group as 'O' | 'P' | 'G';
      counters[g] += 1;
      return member(`${g.toLowerCase()}${counters[g]}`, g, `2026-02-02T10:${String(index).padStart(2, '0')}`);
    });
    const order = ids(orderQueue(members, { ...fresh, gSinceP }));
    expect(order.join(' ')).toBe(expected);
  });

  it('R-ORDER-03: generalPerPriority is a policy number', () => {
    const members = [...'GGGGPP'].map((g, i) => member(`${g}${i}`, g as 'G' | 'P', `2026-02-02T10:0${i}`));
    expect(ids(orderQueue(members, { ...fresh, generalPerPriority: 1 }))).toEqual([
      'G0',
      'P4',
      'G1',
      'P5',
      'G2',
      'G3',
    ]);
  });

  describe('properties', () => {
    it('R-ORDER-03: equals the spec loop for any members, N and counter', () => {
      fc.assert(
        fc.property(membersArbitrary(), orderOptionsArbitrary, (members, options) => {
          expect(ids(orderQueue(members, options))).toEqual(ids(literalOrder(members, options)));
        }),
      );
    });

    it('R-ORDER-02: every O comes before every other group, and O are in time order', () => {
      fc.assert(
        fc.property(membersArbitrary(), orderOptionsArbitrary, (members, options) => {
          const order = orderQueue(members, options);
          const outCount = members.filter((m) => m.group === 'O').length;
          expect(order.slice(0, outCount).every((m) => m.group === 'O')).toBe(true);
          expect(order.slice(outCount).some((m) => m.group === 'O')).toBe(false);
        }),
      );
    });

    it('R-ORDER-01/08: within each group the order is by (submittedAt, registrationSeq)', () => {
      fc.assert(
        fc.property(membersArbitrary(), orderOptionsArbitrary, (members, options) => {
          const order = orderQueue(members, options);
          for (const group of ['O', 'P', 'G'] as const) {
            const inGroup = order.filter((m) => m.group === group);
            inGroup.slice(1).forEach((m, i) => {
              const previous = inGroup[i];
              if (previous === undefined) return;
              expect(
                m.submittedAt > previous.submittedAt ||
                  (m.submittedAt === previous.submittedAt && m.registrationSeq > previous.registrationSeq),
              ).toBe(true);
            });
          }
        }),
      );
    });

    it('R-ORDER-03: in every prefix no P is placed while fewer than N G since the previous P and G remain', () => {
      fc.assert(
        fc.property(membersArbitrary(), orderOptionsArbitrary, (members, options) => {
          const order = orderQueue(members, options).filter((m) => m.group !== 'O');
          const perPriority = options.generalPerPriority;
          let gSince = options.interleave === 'stateless' ? 0 : Math.min(perPriority, options.gSinceP);
          let generalLeft = order.filter((m) => m.group === 'G').length;
          let priorityLeft = order.length - generalLeft;
          for (const m of order) {
            if (m.group === 'P') {
              expect(gSince >= perPriority || generalLeft === 0).toBe(true);
              gSince = 0;
              priorityLeft -= 1;
            } else {
              // A G only goes while the P that is due has not yet had its N general ones.
              expect(priorityLeft === 0 || gSince < perPriority).toBe(true);
              gSince += 1;
              generalLeft -= 1;
            }
          }
        }),
      );
    });

    it('R-ORDER-06: total and deterministic — any permutation of the input gives the same order', () => {
      fc.assert(
        fc.property(
          membersArbitrary().chain((members) =>
            fc.tuple(fc.constant(members), fc.shuffledSubarray(members, { minLength: members.length })),
          ),
          orderOptionsArbitrary,
          ([members, shuffled], options) => {
            expect(orderQueue(shuffled, options)).toEqual(orderQueue(members, options));
          },
        ),
      );
    });

    it('R-ORDER-11: a permutation of exactly the given members', () => {
      fc.assert(
        fc.property(membersArbitrary(), orderOptionsArbitrary, (members, options) => {
          expect(ids(orderQueue(members, options)).sort()).toEqual(ids(members).sort());
        }),
      );
    });
  });
});

describe('nextGSinceP (R-ORDER-05)', () => {
  it.each([
    ['a G referral counts', 0, 'G', {}, 1],
    ['capped at N', 3, 'G', {}, 3],
    ['a P referral restarts', 2, 'P', {}, 0],
    ['an O referral leaves it', 2, 'O', {}, 2],
    ['a temporary-stay referral leaves it (R-REF-13)', 1, 'G', { temporary: true }, 1],
    ['a temporary P referral leaves it', 2, 'P', { temporary: true }, 2],
    ['stateless is always 0', 2, 'G', { interleave: 'stateless' as const }, 0],
  ] as const)('R-ORDER-05: %s', (_, gSinceP, group, extra, expected) => {
    expect(nextGSinceP(gSinceP, group, { ...ANCHORED, ...extra })).toBe(expected);
  });
});
