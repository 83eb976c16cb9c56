import { describe, expect, it } from 'vitest';
import { slaState, splitMinutes } from './sla';

const at = (iso: string) => Date.parse(iso);

describe('SLA timers', () => {
  it('R-TIME-05: counts the minutes left to the 30-minute check and flags a breach once it passed', () => {
    const due = '2026-03-02T10:30:00+05:00';
    expect(slaState(due, at('2026-03-02T05:00:00Z'))).toEqual({ overdue: false, minutes: 30 });
    expect(slaState(due, at('2026-03-02T05:29:01Z'))).toEqual({ overdue: false, minutes: 1 });
    expect(slaState(due, at('2026-03-02T05:30:00Z'))).toEqual({ overdue: true, minutes: 0 });
    expect(slaState(due, at('2026-03-02T05:45:30Z'))).toEqual({ overdue: true, minutes: 15 });
    expect(slaState('not a date', 0)).toBeUndefined();
  });

  it('splits long deadlines (originals in 5 working days) into days, hours and minutes', () => {
    expect(splitMinutes(3 * 1_440 + 125)).toEqual({ days: 3, hours: 2, minutes: 5 });
    expect(splitMinutes(59)).toEqual({ days: 0, hours: 0, minutes: 59 });
  });
});
