import type { ApplicationView } from '@kezek/contracts';

type Status = ApplicationView['status'];

/** Statuses a clerk filters the work list by; `pending` (awaiting verification) is the default. */
export const STATUS_FILTERS = ['pending', 'queued', 'stopped', 'rejected', 'withdrawn', 'archived'] as const;
const ALL = 'all';

export type WorkQueueQuery = {
  status: Status | undefined;
  q: string | undefined;
  breached: boolean;
  page: number;
};

const isStatus = (value: string | null): value is (typeof STATUS_FILTERS)[number] =>
  value !== null && (STATUS_FILTERS as readonly string[]).includes(value);

/** The URL is the state: `?status=queued&q=…&breached=1&page=2`; no status means pending, `all` means any. */
export const parseWorkQueueQuery = (search: string): WorkQueueQuery => {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const q = params.get('q')?.trim() ?? '';
  const page = Number(params.get('page'));
  return {
    status: status === ALL ? undefined : isStatus(status) ? status : 'pending',
    // The API searches by a number or IIN of at least 3 characters.
    q: q.length >= 3 ? q.slice(0, 40) : undefined,
    breached: params.get('breached') === '1',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
};

export const formatWorkQueueQuery = (query: WorkQueueQuery): string => {
  const params = new URLSearchParams();
  if (query.status !== 'pending') params.set('status', query.status ?? ALL);
  if (query.q !== undefined) params.set('q', query.q);
  if (query.breached) params.set('breached', '1');
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};
