import { describe, expect, it } from 'vitest';
import { CATEGORIES, groupOf, parseCategories } from './categories';

describe('beneficiary categories (R-CAT)', () => {
  it('R-CAT-01/02: out-of-turn and first-priority codes', () => {
    const codesOf = (group: string): string[] =>
      CATEGORIES.filter((category) => category.group === group)
        .map((category) => category.code)
        .sort();
    expect(codesOf('O')).toEqual(['lawEnforcement', 'military', 'specialStateBody']);
    expect(codesOf('P')).toEqual([
      'disabledChildInFamily',
      'disabledParent',
      'largeFamily',
      'noParentalCare',
      'orphan',
      'sen',
      'teacher',
    ]);
    expect(codesOf('G')).toEqual(['none']);
  });

  it('every category has kk, ru and en labels and a paragraph', () => {
    for (const category of CATEGORIES) {
      expect(category.paragraph).not.toBe('');
      expect([category.labels.kk, category.labels.ru, category.labels.en]).not.toContain('');
    }
  });

  it.each([
    [[], 'G'],
    [['none'], 'G'],
    [['largeFamily'], 'P'],
    [['teacher', 'sen'], 'P'],
    [['military'], 'O'],
    [['lawEnforcement', 'largeFamily'], 'O'],
    [['largeFamily', 'specialStateBody'], 'O'],
    [['unknownCode'], 'G'],
  ])('R-ORDER-04 (A-20): the highest group wins — %j → %s', (codes, group) => {
    expect(groupOf(codes)).toBe(group);
  });

  it('parseCategories accepts known codes in their order', () => {
    expect(parseCategories(['teacher', 'military'])).toEqual({ ok: true, value: ['teacher', 'military'] });
    expect(parseCategories([])).toEqual({ ok: true, value: [] });
  });

  it.each([
    [['veteran'], 'unknown category "veteran"'],
    [['teacher', 'teacher'], 'category "teacher" is listed twice'],
    [['none', 'orphan'], '"none" cannot be combined with other categories'],
  ])('R-CAT-04: parseCategories rejects %j', (codes, message) => {
    const parsed = parseCategories(codes);
    expect(!parsed.ok && parsed.error).toContain(message);
  });
});
