import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSortedList } from './sorted-list';

const byNumber = (a: number, b: number) => a - b;

describe('SortedList', () => {
  it('stays equal to a sorted array across inserts and removals spanning many blocks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1500, maxLength: 4000 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.nat()), { maxLength: 3000 }),
        (initial, operations) => {
          const sorted = initial.slice(0, 700).sort(byNumber);
          const list = createSortedList(byNumber, sorted);
          const model = new Set(sorted);
          [...initial.slice(700), ...operations].forEach((value, i) => {
            if (i % 3 === 2) {
              expect(list.remove(value)).toBe(model.delete(value));
            } else if (!model.has(value)) {
              list.insert(value);
              model.add(value);
            }
          });
          const expected = [...model].sort(byNumber);
          expect(list.toArray()).toEqual(expected);
          expect(list.length).toBe(expected.length);
          for (const value of expected.filter((_, i) => i % 97 === 0))
            expect(list.rankOf(value)).toBe(expected.indexOf(value));
        },
      ),
      { numRuns: 20 },
    );
  });
});
