import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group } from '../categories/categories';
import { instantFromEpochMs } from '../time/instant';
import { orderQueue, type InterleaveOptions, type QueueMember } from './ordering';
import { createQueueIndex } from './queue-index';
import { ANCHORED, ids, member } from './queue-test-helpers';

type Operation =
  | { readonly op: 'insert'; readonly group: Group; readonly minute: number }
  | { readonly op: 'remove' | 'refer' | 'referTemporary'; readonly pick: number }
  | { readonly op: 'update'; readonly pick: number; readonly group: Group }
  | { readonly op: 'setGSinceP'; readonly value: number };

const groupArbitrary = fc.constantFrom<Group>('O', 'P', 'G');
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('insert' as const), group: groupArbitrary, minute: fc.nat(30) }),
  },
  fc.record({
    op: fc.constantFrom('remove' as const, 'refer' as const, 'referTemporary' as const),
    pick: fc.nat(),
  }),
  fc.record({ op: fc.constant('update' as const), pick: fc.nat(), group: groupArbitrary }),
  fc.record({ op: fc.constant('setGSinceP' as const), value: fc.nat(4) }),
);
const interleaveArbitrary: fc.Arbitrary<InterleaveOptions> = fc.record({
  generalPerPriority: fc.integer({ min: 1, max: 4 }),
  interleave: fc.constantFrom('anchored' as const, 'stateless' as const),
});

describe('QueueIndex (R-ORDER-06: incremental == rebuild)', () => {
  it('R-ORDER-06: after any sequence of changes it equals orderQueue of its members', () => {
    fc.assert(
      fc.property(
        interleaveArbitrary,
        fc.array(operationArbitrary, { maxLength: 80 }),
        (interleave, operations) => {
          const index = createQueueIndex(interleave);
          let members: QueueMember[] = [];
          operations.forEach((operation, seq) => {
            const picked =
              'pick' in operation ? members[operation.pick % Math.max(1, members.length)] : undefined;
            if (operation.op === 'insert') {
              const added: QueueMember = {
                id: `a${seq}`,
                group: operation.group,
                submittedAt: instantFromEpochMs(1_770_000_000_000 + operation.minute * 60_000),
                registrationSeq: seq,
              };
              index.insert(added);
              members.push(added);
            } else if (operation.op === 'setGSinceP') index.setGSinceP(operation.value);
            else if (picked === undefined) return;
            else if (operation.op === 'update') {
              const changed = { ...picked, group: operation.group };
              index.update(changed);
              members = members.map((m) => (m.id === picked.id ? changed : m));
            } else if (operation.op === 'remove') {
              expect(index.remove(picked.id)).toEqual(picked);
              members = members.filter((m) => m.id !== picked.id);
            } else {
              index.recordReferral(picked.id, { temporary: operation.op === 'referTemporary' });
              if (operation.op === 'refer') members = members.filter((m) => m.id !== picked.id);
            }
            const rebuilt = orderQueue(members, index.options);
            expect(index.ordered()).toEqual(rebuilt);
            expect(index.size).toBe(members.length);
            rebuilt.forEach((m, i) => expect(index.positionOf(m.id)).toBe(i + 1));
          });
          expect(index.positions()).toEqual(
            new Map(orderQueue(members, index.options).map((m, i) => [m.id, i + 1])),
          );
        },
      ),
    );
  });

  it('R-ORDER-05, R-ORDER-09: a referral removes the member and moves the counter (E2)', () => {
    const index = createQueueIndex(ANCHORED, [
      ...['h1', 'h2', 'h3', 'h4', 'h5'].map((id, i) => member(id, 'G', `2026-02-02T09:0${i}`)),
      member('q1', 'P', '2026-02-02T09:10'),
    ]);
    expect(index.positionOf('q1')).toBe(4);
    for (const id of ['h1', 'h2', 'h3']) index.recordReferral(id);
    expect(index.gSinceP).toBe(3);
    expect(index.positionOf('q1')).toBe(1);
    expect(ids(index.ordered())).toEqual(['q1', 'h4', 'h5']);
    index.recordReferral('q1');
    expect([index.gSinceP, index.has('q1')]).toEqual([0, false]);
  });

  it('R-QUEUE-01: the queue number is the 1-based position in the ordered queue', () => {
    const index = createQueueIndex(ANCHORED, [
      member('y2', 'G', '2026-02-02T09:01'),
      member('y1', 'O', '2026-02-02T09:05'),
    ]);
    expect([index.positionOf('y1'), index.positionOf('y2')]).toEqual([1, 2]);
    expect(index.positions()).toEqual(
      new Map([
        ['y1', 1],
        ['y2', 2],
      ]),
    );
  });

  it('R-REF-13: a temporary-stay referral keeps the member queued and the counter as is', () => {
    const index = createQueueIndex(ANCHORED, [member('x1', 'G', '2026-02-02T09:00')]);
    index.recordReferral('x1', { temporary: true });
    expect([index.positionOf('x1'), index.gSinceP]).toEqual([1, 0]);
  });

  it('rejects duplicate ids and updates of absent ones (programming errors)', () => {
    const first = member('d1', 'G', '2026-02-02T09:00');
    expect(() => createQueueIndex(ANCHORED, [first, first])).toThrow(RangeError);
    const index = createQueueIndex(ANCHORED, [first]);
    expect(() => index.insert(first)).toThrow(RangeError);
    expect(() => index.update({ ...first, id: 'zz' })).toThrow(RangeError);
    expect(index.remove('zz')).toBeUndefined();
    expect(index.positionOf('zz')).toBeUndefined();
  });
});
