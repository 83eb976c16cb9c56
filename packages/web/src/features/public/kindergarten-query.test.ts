import { describe, expect, it } from 'vitest';
import { formatKindergartenQuery, parseKindergartenQuery, withFilters } from './kindergarten-query';

describe('kindergarten list query <-> URL', () => {
  it('reads defaults from an empty query string', () => {
    expect(parseKindergartenQuery('')).toEqual({
      page: 1,
      pageSize: 20,
      district: undefined,
      ownership: undefined,
      language: undefined,
      q: undefined,
    });
  });

  it.each([
    ['?page=3&pageSize=50', { page: 3, pageSize: 50 }],
    ['?page=0', { page: 1 }],
    ['?page=-2', { page: 1 }],
    ['?page=2.5', { page: 1 }],
    ['?page=abc', { page: 1 }],
    ['?pageSize=101', { pageSize: 20 }],
    ['?district=751110000', { district: '751110000' }],
    ['?district=75111', { district: undefined }],
    ['?ownership=private', { ownership: 'private' }],
    ['?ownership=church', { ownership: undefined }],
    ['?language=kk', { language: 'kk' }],
    ['?language=de', { language: undefined }],
    ['?q=%20%20Айгөлек%20', { q: 'Айгөлек' }],
    ['?q=%20%20', { q: undefined }],
  ])('parses %s', (search, expected) => {
    expect(parseKindergartenQuery(search)).toMatchObject(expected);
  });

  it('leaves defaults out of the URL and keeps a stable order', () => {
    expect(formatKindergartenQuery({ page: 1, pageSize: 20 })).toBe('');
    expect(
      formatKindergartenQuery({
        page: 2,
        pageSize: 20,
        q: 'Күншуақ',
        ownership: 'state',
        district: '751110000',
      }),
    ).toBe('?district=751110000&ownership=state&q=%D0%9A%D2%AF%D0%BD%D1%88%D1%83%D0%B0%D2%9B&page=2');
  });

  it('round-trips every valid state', () => {
    const states = [
      { page: 1, pageSize: 20 },
      { page: 7, pageSize: 5, district: '196220000', ownership: 'private', language: 'ru', q: 'Балапан' },
      { page: 2, pageSize: 100, language: 'en', q: 'a & b = c?' },
    ] as const;
    for (const state of states) {
      expect(parseKindergartenQuery(formatKindergartenQuery(state))).toMatchObject(state);
    }
  });

  it('goes back to page 1 when a filter changes', () => {
    const next = withFilters({ page: 4, pageSize: 10, language: 'kk' }, { ownership: 'state' });
    expect(next).toEqual({ page: 1, pageSize: 10, language: 'kk', ownership: 'state' });
  });
});
