/**
 * The working-day calendar of a year (R-TIME-02): Monday–Friday work, Saturday and Sunday are off; the
 * Government's act adds weekday days off (holidays and transferred days off) and working weekend days.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'movedWorkday';

export type CalendarDraft = { holidays: readonly string[]; workdays: readonly string[] };

export type CalendarDay = { date: string; day: number; weekday: number; kind: DayKind };

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDate = (year: number, month: number, day: number): string =>
  `${year}-${pad(month)}-${pad(day)}`;

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (iso: string): number => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;

export const isWeekend = (iso: string): boolean => weekdayOf(iso) >= 5;

export const kindOf = (iso: string, draft: CalendarDraft): DayKind => {
  if (isWeekend(iso)) return draft.workdays.includes(iso) ? 'movedWorkday' : 'weekend';
  return draft.holidays.includes(iso) ? 'holiday' : 'workday';
};

/** The days of a month (1–12) with their kinds. */
export const monthDays = (year: number, month: number, draft: CalendarDraft): CalendarDay[] => {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length }, (_, index) => {
    const date = isoDate(year, month, index + 1);
    return { date, day: index + 1, weekday: weekdayOf(date), kind: kindOf(date, draft) };
  });
};

/**
 * Toggles a day: a weekday becomes a day off or a working day again; a weekend day becomes a (transferred)
 * working day or a day off again. Days up to `today` never change (the API refuses them: deadlines were counted).
 */
export const toggleDay = (draft: CalendarDraft, date: string, today: string): CalendarDraft => {
  if (date <= today) return draft;
  const flip = (days: readonly string[]) =>
    days.includes(date) ? days.filter((d) => d !== date) : [...days, date].sort();
  return isWeekend(date)
    ? { holidays: draft.holidays, workdays: flip(draft.workdays) }
    : { holidays: flip(draft.holidays), workdays: draft.workdays };
};

/** The days whose kind differs between two drafts, in date order. */
export const changedDays = (before: CalendarDraft, after: CalendarDraft): string[] => {
  const symmetric = (a: readonly string[], b: readonly string[]) => [
    ...a.filter((d) => !b.includes(d)),
    ...b.filter((d) => !a.includes(d)),
  ];
  return [
    ...new Set([
      ...symmetric(before.holidays, after.holidays),
      ...symmetric(before.workdays, after.workdays),
    ]),
  ].sort();
};
