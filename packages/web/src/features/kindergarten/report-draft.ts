import type { ReportPlaces, RevokePlaces } from '@kezek/contracts';

export const ADMISSIONS = ['general', 'earlyBooking', 'temporary'] as const;
export const REASONS = [
  'capitalRepair',
  'quarantine',
  'stateOrderCancelled',
  'closure',
] as const satisfies readonly NonNullable<RevokePlaces['reason']>[];

/** The report form as typed: text fields, dates as YYYY-MM-DD or empty. */
export type ReportDraft = {
  groupId: string;
  count: string;
  admission: (typeof ADMISSIONS)[number];
  freeFrom: string;
  until: string;
};

type ErrorKey = 'groupError' | 'countError' | 'dateError';

/**
 * R-KG-01, R-KG-04, R-KG-05: the body of a report, or what to fix, field by field — a group, 1 to 500 places, and
 * the date the mode needs (early booking: when the place is vacated; temporary: when the stay ends). The server
 * checks the rest (the dates after today, a state order for early booking) and names the field.
 */
export function reportBody(
  draft: ReportDraft,
): { ok: true; body: ReportPlaces } | { ok: false; errors: Partial<Record<keyof ReportDraft, ErrorKey>> } {
  const errors: Partial<Record<keyof ReportDraft, ErrorKey>> = {};
  const count = Number(draft.count);
  if (draft.groupId === '') errors.groupId = 'groupError';
  if (!/^\d+$/.test(draft.count.trim()) || count < 1 || count > 500) errors.count = 'countError';
  if (draft.admission === 'earlyBooking' && draft.freeFrom === '') errors.freeFrom = 'dateError';
  if (draft.admission === 'temporary' && draft.until === '') errors.until = 'dateError';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      groupId: draft.groupId,
      count,
      admission: draft.admission,
      ...(draft.admission === 'earlyBooking' ? { freeFrom: draft.freeFrom } : {}),
      ...(draft.admission === 'temporary' ? { until: draft.until } : {}),
    },
  };
}
