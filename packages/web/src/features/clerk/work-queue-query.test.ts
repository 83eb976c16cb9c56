import { describe, expect, it } from 'vitest';
import { formatWorkQueueQuery, parseWorkQueueQuery } from './work-queue-query';

describe('work queue URL', () => {
  it('defaults to the pending applications, page 1', () => {
    expect(parseWorkQueueQuery('')).toEqual({ status: 'pending', q: undefined, breached: false, page: 1 });
    expect(formatWorkQueueQuery(parseWorkQueueQuery(''))).toBe('');
  });

  it('round-trips status, search, SLA breaches and page; drops a search shorter than 3', () => {
    const query = parseWorkQueueQuery('?status=all&q=%20750000-0001%20&breached=1&page=3');
    expect(query).toEqual({ status: undefined, q: '750000-0001', breached: true, page: 3 });
    expect(parseWorkQueueQuery(formatWorkQueueQuery(query))).toEqual(query);
    expect(parseWorkQueueQuery('?q=ab&page=-1&status=nonsense')).toEqual({
      status: 'pending',
      q: undefined,
      breached: false,
      page: 1,
    });
  });
});
