import { describe, expect, it } from 'vitest';
import { nationalDate, nextDate, POLICY_FIELDS, policyChangeFromDraft } from './policy-fields';

const inForce = {
  bulletinTime: '18:00',
  windowOpens: '07:00',
  leftoverFirstN: 1000,
  referralCancelHours: 24,
  ageCutoff: '09-01',
  generalPerPriority: 3,
  interleave: 'anchored',
  windowEveryCalendarDay: true,
  originalsRequired: 'unverifiableOnly',
};
const draftOf = (change: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(inForce).map(([key, value]) => [key, String(value)])),
  ...change,
});

describe('policy fields', () => {
  it('marks exactly the queue-order fields the API refuses (R-ORDER-03, R-ORDER-05) as fixed', () => {
    expect(POLICY_FIELDS.filter((field) => field.fixed).map((field) => field.key)).toEqual([
      'generalPerPriority',
      'interleave',
    ]);
  });

  it('sends only what changed, typed as the API expects', () => {
    const { set, errors } = policyChangeFromDraft(
      draftOf({ windowOpens: '08:00', leftoverFirstN: '500', windowEveryCalendarDay: 'false' }),
      inForce,
    );
    expect(errors).toEqual([]);
    expect(set).toEqual({ windowOpens: '08:00', leftoverFirstN: 500, windowEveryCalendarDay: false });
  });

  it('never sends a fixed field, even if the draft differs', () => {
    const { set } = policyChangeFromDraft(
      draftOf({ generalPerPriority: '4', interleave: 'stateless' }),
      inForce,
    );
    expect(set).toEqual({});
  });

  it('names every field with a bad value', () => {
    const { errors } = policyChangeFromDraft(
      draftOf({
        bulletinTime: '25:00',
        referralCancelHours: '-1',
        ageCutoff: '13-01',
        originalsRequired: 'x',
      }),
      inForce,
    );
    expect(errors).toEqual([
      { key: 'bulletinTime', problem: 'time' },
      { key: 'referralCancelHours', problem: 'integer' },
      { key: 'ageCutoff', problem: 'monthDay' },
      { key: 'originalsRequired', problem: 'choice' },
    ]);
  });

  it('reads today in national time (UTC+5) and steps to the next date', () => {
    expect(nationalDate(Date.parse('2026-03-01T19:30:00Z'))).toBe('2026-03-02');
    expect(nationalDate(Date.parse('2026-03-01T18:59:00Z'))).toBe('2026-03-01');
    expect(nextDate('2026-02-28')).toBe('2026-03-01');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });
});
