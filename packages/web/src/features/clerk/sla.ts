/** Where a deadline stands at `nowMs`: whole minutes left (rounded up) or overdue (rounded down). */
export type SlaState = { overdue: boolean; minutes: number };

export const slaState = (dueIso: string, nowMs: number): SlaState | undefined => {
  const due = Date.parse(dueIso);
  if (Number.isNaN(due)) return undefined;
  const diff = due - nowMs;
  return diff > 0
    ? { overdue: false, minutes: Math.ceil(diff / 60_000) }
    : { overdue: true, minutes: Math.floor((nowMs - due) / 60_000) };
};

/** Splits minutes into days, hours and minutes for a readable countdown. */
export const splitMinutes = (total: number): { days: number; hours: number; minutes: number } => ({
  days: Math.floor(total / 1_440),
  hours: Math.floor((total % 1_440) / 60),
  minutes: total % 60,
});
