import type { LedgerLog } from '@kezek/contracts';
import { LOGS } from './receipt';

/**
 * The state of the public registers' pages lives in the URL query string. Values the API would refuse (a malformed
 * KATO code or date, page 0, an unknown mode) are dropped rather than sent, so a hand-edited link still works.
 */

export const PAGE_SIZE = 20;
export const PLACE_MODES = ['full', 'half', '24h'] as const;
export const PLACE_ADMISSIONS = ['general', 'earlyBooking', 'temporary'] as const;
export const GROUP_LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ug', 'tg'] as const;
export const REVOCATION_REASONS = ['capitalRepair', 'quarantine', 'stateOrderCancelled', 'closure'] as const;
export const ORDERING_GROUPS = ['O', 'P', 'G'] as const;

const KATO = /^\d{9}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUEUE_KIND = /^(general|special:[a-z][A-Za-z]*|sanatorium:[a-z][A-Za-z]*)$/;

const page = (raw: string | null): number => {
  if (raw === null || !/^\d{1,7}$/.test(raw)) return 1;
  const value = Number(raw);
  return value >= 1 ? value : 1;
};
const matching = (pattern: RegExp, raw: string | null): string | undefined =>
  raw !== null && pattern.test(raw) ? raw : undefined;
const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((value) => value === raw);
/** A real calendar date (2026-02-30 is not one). */
const date = (raw: string | null): string | undefined => {
  const value = matching(DATE, raw);
  if (value === undefined) return undefined;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : undefined;
};

const format = (entries: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

export type BulletinListQuery = { page: number; settlement?: string; from?: string; to?: string };

export const parseBulletinListQuery = (search: string): BulletinListQuery => {
  const params = new URLSearchParams(search);
  const query: BulletinListQuery = { page: page(params.get('page')) };
  const settlement = matching(KATO, params.get('settlement'));
  const from = date(params.get('from'));
  const to = date(params.get('to'));
  if (settlement !== undefined) query.settlement = settlement;
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
};

export const formatBulletinListQuery = (query: BulletinListQuery): string =>
  format({ settlement: query.settlement, from: query.from, to: query.to, page: query.page });

export type BulletinItemsQuery = {
  page: number;
  age?: number;
  language?: (typeof GROUP_LANGUAGES)[number];
  mode?: (typeof PLACE_MODES)[number];
  admission?: (typeof PLACE_ADMISSIONS)[number];
};

export const parseBulletinItemsQuery = (search: string): BulletinItemsQuery => {
  const params = new URLSearchParams(search);
  const query: BulletinItemsQuery = { page: page(params.get('page')) };
  const age = params.get('age');
  if (age !== null && /^[0-7]$/.test(age)) query.age = Number(age);
  const language = oneOf(GROUP_LANGUAGES, params.get('language'));
  const mode = oneOf(PLACE_MODES, params.get('mode'));
  const admission = oneOf(PLACE_ADMISSIONS, params.get('admission'));
  if (language !== undefined) query.language = language;
  if (mode !== undefined) query.mode = mode;
  if (admission !== undefined) query.admission = admission;
  return query;
};

export const formatBulletinItemsQuery = (query: BulletinItemsQuery): string =>
  format({
    age: query.age,
    language: query.language,
    mode: query.mode,
    admission: query.admission,
    page: query.page,
  });

export type QueueQuery = {
  page: number;
  settlement?: string;
  birthYear?: number;
  queue: string;
  /** "Find my number": the API answers with the page that holds it. */
  number?: string;
};

export const parseQueueQuery = (search: string): QueueQuery => {
  const params = new URLSearchParams(search);
  const query: QueueQuery = {
    page: page(params.get('page')),
    queue: matching(QUEUE_KIND, params.get('queue')) ?? 'general',
  };
  const settlement = matching(KATO, params.get('settlement'));
  const year = params.get('birthYear');
  const number = (params.get('number') ?? '').trim().slice(0, 40);
  if (settlement !== undefined) query.settlement = settlement;
  if (year !== null && /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100)
    query.birthYear = Number(year);
  if (number !== '') query.number = number;
  return query;
};

export const formatQueueQuery = (query: QueueQuery): string =>
  format({
    settlement: query.settlement,
    birthYear: query.birthYear,
    queue: query.queue === 'general' ? undefined : query.queue,
    number: query.number,
    page: query.number === undefined ? query.page : undefined,
  });

/** The same queue at a page, without the number being looked for. */
export const withoutNumber = (query: QueueQuery, page: number): QueueQuery => {
  const next: QueueQuery = { page, queue: query.queue };
  if (query.settlement !== undefined) next.settlement = query.settlement;
  if (query.birthYear !== undefined) next.birthYear = query.birthYear;
  return next;
};

export type FairnessQuery = { district?: string; from?: string; to?: string };

export const parseFairnessQuery = (search: string): FairnessQuery => {
  const params = new URLSearchParams(search);
  const query: FairnessQuery = {};
  const district = matching(KATO, params.get('district'));
  const from = date(params.get('from'));
  const to = date(params.get('to'));
  if (district !== undefined) query.district = district;
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
};

export const formatFairnessQuery = (query: FairnessQuery): string =>
  format({ district: query.district, from: query.from, to: query.to });

export type VerifyQuery = { log?: LedgerLog; leaf?: string };

/** `/registers/verify?log=bulletins&leaf=<hash>`: a link to a register entry, verified on arrival. */
export const parseVerifyQuery = (search: string): VerifyQuery => {
  const params = new URLSearchParams(search);
  const query: VerifyQuery = {};
  const log = LOGS.find((value) => value === params.get('log'));
  const leaf = (params.get('leaf') ?? '').toLowerCase();
  if (log !== undefined) query.log = log;
  if (/^[0-9a-f]{64}$/.test(leaf)) query.leaf = leaf;
  return query;
};

export const verifyHref = (log: LedgerLog, leafHash: string): string =>
  `/registers/verify${format({ log, leaf: leafHash })}`;

/** Share of a total as a whole percentage for a bar's width (0 when the total is 0). */
export const percentOf = (value: number, total: number): number =>
  total <= 0 ? 0 : Math.round((Math.max(0, value) / total) * 100);
