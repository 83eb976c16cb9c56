import type { ExtendReferral, MyWindow, ReferralView } from '@kezek/contracts';
import type { ApiError } from '../../api/client';

/** A bulletin unit as the parent's window shows it (a subset of the public BulletinItem). */
export type WindowUnit = {
  placeId: string;
  unit: number;
  queueKey: string;
  kindergarten: { id: string; name: { kk: string; ru: string; en: string } };
  groupId: string;
  birthYear: number;
  age: number;
  language: string;
  mode: 'full' | 'half' | '24h';
  admission: 'general' | 'earlyBooking' | 'temporary';
  startDate: string | null;
  freeFrom: string | null;
  until: string | null;
};

/** One place of the bulletin (a group's report) with the units the parent may still see as free. */
export type WindowPlace = Omit<WindowUnit, 'unit'> & { units: number };

export type QueueKey = { settlement: string; birthYear: number; queue: string };

/** `751110000/2022/general` → its parts; undefined for anything else. */
export const parseQueueKey = (key: string): QueueKey | undefined => {
  const match = /^(\d{9})\/(\d{4})\/(general|special:[A-Za-z]+|sanatorium:[A-Za-z]+)$/.exec(key);
  if (match === null) return undefined;
  return { settlement: match[1] ?? '', birthYear: Number(match[2]), queue: match[3] ?? 'general' };
};

/** The group type a queue serves (§27): general, special (a disorder) or sanatorium (a profile). */
export const groupTypeOf = (queue: string): 'general' | 'special' | 'sanatorium' =>
  queue.startsWith('special:') ? 'special' : queue.startsWith('sanatorium:') ? 'sanatorium' : 'general';

/** Referrals that hold a unit (R-REF-11: issued or extended; an admitted child occupies it). */
const HOLDING: readonly ReferralView['status'][] = ['issued', 'extended', 'admitted'];

/**
 * The places of a window: the units of its queue key from its bulletins (newest first, up to the window's
 * unit count), grouped by place, less the units the parent's own referrals hold and the places a claim was
 * refused on as taken. The public bulletin is an immutable copy, so other parents' claims show only as a
 * refusal (NO_FREE_UNIT) — see `takenPlaces`.
 */
export const windowPlaces = (
  window: Pick<MyWindow, 'queueKey' | 'units'>,
  bulletinUnits: readonly WindowUnit[],
  referrals: readonly Pick<ReferralView, 'placeId' | 'status'>[],
  takenPlaces: ReadonlySet<string> = new Set(),
): WindowPlace[] => {
  const units = bulletinUnits.filter((unit) => unit.queueKey === window.queueKey).slice(0, window.units);
  const held = new Map<string, number>();
  for (const referral of referrals)
    if (HOLDING.includes(referral.status)) held.set(referral.placeId, (held.get(referral.placeId) ?? 0) + 1);
  const places = new Map<string, WindowPlace>();
  for (const item of units) {
    const place = places.get(item.placeId);
    if (place === undefined) {
      const { placeId, queueKey, kindergarten, groupId, birthYear, age, language, mode, admission } = item;
      const { startDate, freeFrom, until } = item;
      places.set(placeId, {
        ...{ placeId, queueKey, kindergarten, groupId, birthYear, age, language, mode, admission },
        ...{ startDate, freeFrom, until, units: 1 },
      });
    } else place.units += 1;
  }
  return [...places.values()]
    .map((place) => ({ ...place, units: place.units - (held.get(place.placeId) ?? 0) }))
    .filter((place) => place.units > 0 && !takenPlaces.has(place.placeId));
};

/** The domain's refusal code the server puts before its message (`NO_FREE_UNIT: …`), if any. */
export const refusalCode = (error: Pick<ApiError, 'message'>): string | undefined =>
  /^([A-Z][A-Z_]+):/.exec(error.message)?.[1];

/** Refusal codes the placement pages explain in words; any other is shown by the generic error text. */
export const EXPLAINED_REFUSALS = [
  'NO_FREE_UNIT',
  'NO_ACCESS',
  'AGE_MISMATCH',
  'QUEUE_MISMATCH',
  'LIVE_REFERRAL_EXISTS',
  'CANCEL_WINDOW_PASSED',
  'EXTENSION_USED',
  'EXTENSION_TOO_LONG',
  'REFERRAL_NOT_RUNNING',
  'INVALID_STATE',
] as const;
export type ExplainedRefusal = (typeof EXPLAINED_REFUSALS)[number];

export const explainedRefusal = (error: Pick<ApiError, 'message'>): ExplainedRefusal | undefined => {
  const code = refusalCode(error);
  return (EXPLAINED_REFUSALS as readonly string[]).includes(code ?? '')
    ? (code as ExplainedRefusal)
    : undefined;
};

/** Time left until `closesAt`, in whole days, hours and minutes (never negative). */
export const timeLeft = (
  closesAt: string,
  nowMs: number,
): { days: number; hours: number; minutes: number } => {
  const left = Math.max(0, Date.parse(closesAt) - nowMs);
  const minutes = Math.floor(left / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
};

export const EXTENSION_REASONS = ['illness', 'treatment', 'businessTrip', 'leave'] as const;
/** R-REF-10: once, up to 30 calendar days. */
export const MAX_EXTENSION_DAYS = 30;

export type ExtensionDraft = { days: string; reason: string };
export type ExtensionProblems = { days?: 'required' | 'range'; reason?: 'required' };

/** Checks the extension form as the API will: whole days 1–30 and a reason of the closed list. */
export const validateExtension = (
  draft: ExtensionDraft,
): { ok: true; value: ExtendReferral } | { ok: false; problems: ExtensionProblems } => {
  const problems: ExtensionProblems = {};
  const text = draft.days.trim();
  const days = Number(text);
  if (text === '') problems.days = 'required';
  else if (!/^\d+$/.test(text) || days < 1 || days > MAX_EXTENSION_DAYS) problems.days = 'range';
  const reason = EXTENSION_REASONS.find((candidate) => candidate === draft.reason);
  if (reason === undefined) problems.reason = 'required';
  if (reason === undefined || problems.days !== undefined) return { ok: false, problems };
  return { ok: true, value: { days, reason } };
};

/** R-REF-09: the applicant may cancel a live referral until its cancel deadline. */
export const canCancel = (
  referral: Pick<ReferralView, 'status' | 'cancelDeadline'>,
  nowMs: number,
): boolean =>
  (referral.status === 'issued' || referral.status === 'extended') &&
  Date.parse(referral.cancelDeadline) > nowMs;

/** R-REF-10: one extension of a running referral. */
export const canExtend = (referral: Pick<ReferralView, 'status' | 'phase' | 'extended'>): boolean =>
  referral.status === 'issued' && referral.phase === 'running' && !referral.extended;

/** A fresh key per claim attempt: a retry of the same attempt reuses it, so it cannot book twice. */
export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? `claim-${crypto.randomUUID()}`
    : `claim-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
