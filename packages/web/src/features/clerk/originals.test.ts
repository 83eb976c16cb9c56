import { describe, expect, it } from 'vitest';
import { daysLeft } from './originals-page';

describe('the originals deadline on the clerk’s card (R-REF-07)', () => {
  it('counts whole days in national time to the last day, 0 on the day itself', () => {
    // 23:30 in Almaty on 2 March is 18:30 UTC: already 2 March there.
    expect(daysLeft('2026-03-05', Date.parse('2026-03-02T18:30:00Z'))).toBe(3);
    // 00:30 on 3 March in Almaty is still 2 March in UTC: the national day counts.
    expect(daysLeft('2026-03-05', Date.parse('2026-03-02T19:30:00Z'))).toBe(2);
    expect(daysLeft('2026-03-05', Date.parse('2026-03-05T04:00:00Z'))).toBe(0);
    expect(daysLeft('2026-03-05', Date.parse('2026-03-06T04:00:00Z'))).toBe(-1);
  });
});
