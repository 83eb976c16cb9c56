import type { Language } from '@kezek/contracts';

export const OWNERSHIPS = ['state', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const GROUP_LANGUAGES = ['kk', 'ru', 'en'] as const satisfies readonly Language[];

export const DEFAULT_PAGE_SIZE = 20;
/** Mirrors PAGE_SIZE_MAX of the contract; a value type import is not allowed in the browser bundle. */
export const MAX_PAGE_SIZE = 100;
export const MAX_SEARCH_LENGTH = 100;

/** The state of the kindergarten list page; the URL query string is its only source of truth. */
export type KindergartenListQuery = {
  page: number;
  pageSize: number;
  district?: string | undefined;
  ownership?: Ownership | undefined;
  language?: Language | undefined;
  q?: string | undefined;
};

const positiveInt = (raw: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
  if (raw === null || !/^\d{1,9}$/.test(raw)) return fallback;
  const value = Number(raw);
  return value >= 1 && value <= max ? value : fallback;
};

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((value) => value === raw);

export const normalizeSearch = (raw: string | null | undefined): string | undefined => {
  const trimmed = (raw ?? '').trim().slice(0, MAX_SEARCH_LENGTH).trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Reads the list state from a query string. Values the API would reject (a malformed KATO code, an
 * unknown ownership, page 0) are dropped rather than sent, so a hand-edited link still shows a list.
 */
export const parseKindergartenQuery = (search: string): KindergartenListQuery => {
  const params = new URLSearchParams(search);
  const district = params.get('district');
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    district: district !== null && /^\d{9}$/.test(district) ? district : undefined,
    ownership: oneOf(OWNERSHIPS, params.get('ownership')),
    language: oneOf(GROUP_LANGUAGES, params.get('language')),
    q: normalizeSearch(params.get('q')),
  };
};

/** The canonical query string (with leading `?`, or empty) for a list state; defaults are left out. */
export const formatKindergartenQuery = (query: KindergartenListQuery): string => {
  const params = new URLSearchParams();
  if (query.district !== undefined) params.set('district', query.district);
  if (query.ownership !== undefined) params.set('ownership', query.ownership);
  if (query.language !== undefined) params.set('language', query.language);
  const q = normalizeSearch(query.q);
  if (q !== undefined) params.set('q', q);
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  if (query.page !== 1) params.set('page', String(query.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

/** Changing any filter starts again from page 1; the page size is kept. */
export const withFilters = (
  query: KindergartenListQuery,
  change: Partial<Omit<KindergartenListQuery, 'page' | 'pageSize'>>,
): KindergartenListQuery => ({ ...query, ...change, page: 1 });

export const hasFilters = (query: KindergartenListQuery): boolean =>
  query.district !== undefined ||
  query.ownership !== undefined ||
  query.language !== undefined ||
  query.q !== undefined;
