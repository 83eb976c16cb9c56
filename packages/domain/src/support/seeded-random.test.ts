import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    expect(draw(254)).toEqual(draw(254));
    expect(draw(254)).not.toEqual(draw(255));
    expect(draw(1).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('is the published mulberry32 sequence (seed 1)', () => {
    const next = seededRandom(1);
    expect(next()).toBeCloseTo(0.6270739405881613, 12);
  });
});
