import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, validatePolicyOverrides } from './policy';

describe('policy (spec 4.7)', () => {
  it('the defaults are the regulation values', () => {
    expect(DEFAULT_POLICY).toMatchObject({
      bulletinTime: '18:00',
      windowOpens: '07:00',
      priorityWindowWorkingDays: 3,
      leftoverFirstN: 1000,
      generalPerPriority: 3,
      maxRegistrationsPerSettlement: 3,
      referralValidityWorkingDays: 5,
      referralCancelHours: 24,
      referralExtensionMaxDays: 30,
      requeueAfterPrivilegeMonths: 1,
      archiveAge: 6,
      ageCutoff: '09-01',
      interleave: 'anchored',
      windowEveryCalendarDay: true,
    });
  });

  it('R-SYS-05: merges valid overrides onto the defaults', () => {
    const result = validatePolicyOverrides({
      windowOpens: '23:59',
      leftoverFirstN: 5,
      interleave: 'stateless',
    });
    expect(result).toEqual({
      ok: true,
      value: { ...DEFAULT_POLICY, windowOpens: '23:59', leftoverFirstN: 5, interleave: 'stateless' },
    });
  });

  it('merges onto a given base policy', () => {
    const base = { ...DEFAULT_POLICY, archiveAge: 7 };
    const result = validatePolicyOverrides({ bulletinTime: '17:30' }, base);
    expect(result.ok && [result.value.archiveAge, result.value.bulletinTime]).toEqual([7, '17:30']);
  });

  it.each([
    [{ windowOpens: '24:00' }, 'windowOpens', 'between 00:00 and 23:59'],
    [{ bulletinTime: 1800 }, 'bulletinTime', 'must be a time string'],
    [{ priorityWindowWorkingDays: 0 }, 'priorityWindowWorkingDays', 'whole number ≥ 1'],
    [{ generalPerPriority: 2.5 }, 'generalPerPriority', 'whole number ≥ 1'],
    [{ referralCancelHours: '24' }, 'referralCancelHours', 'whole number ≥ 0'],
    [{ interleave: 'alternate' }, 'interleave', 'one of "anchored", "stateless"'],
    [{ windowEveryCalendarDay: 'yes' }, 'windowEveryCalendarDay', 'true or false'],
    [{ ageCutoff: '02-29' }, 'ageCutoff', 'not a day of every year'],
    [{ queueLength: 3 }, 'queueLength', 'is not a policy field'],
  ])('rejects %j naming the field', (input, field, message) => {
    const result = validatePolicyOverrides(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(1);
    expect(result.error[0]?.field).toBe(field);
    expect(result.error[0]?.message).toContain(message);
  });

  it('reports every bad field at once', () => {
    const result = validatePolicyOverrides({ windowOpens: '7:00', archiveAge: -1, bulletinTime: '18:00' });
    expect(!result.ok && result.error.map((error) => error.field)).toEqual(['windowOpens', 'archiveAge']);
  });

  it.each([null, [], 'windowOpens=08:00', 3])('rejects %j as a whole', (input) => {
    const result = validatePolicyOverrides(input);
    expect(!result.ok && result.error[0]?.message).toContain('must be an object');
  });
});
