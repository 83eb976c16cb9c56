import { describe, expect, it } from 'vitest';
import { makeIin } from '../iin/iin';
import { DEFAULT_POLICY } from '../policy/policy';
import { instant } from '../time/instant';
import { localDate, monthDay } from '../time/local-date';
import {
  checkNewApplication,
  queueAgeEnds,
  withinQueueAge,
  type ApplicationHistory,
  type NewApplication,
  type PriorApplication,
} from './eligibility';
import type { QueueKind } from './queue-kind';

const child = (birthDate: string, sen = false, pmpcConclusion = sen) => ({
  birthDate: localDate(birthDate),
  sen,
  pmpcConclusion,
});

describe('withinQueueAge (R-ELIG-02/03, A-05)', () => {
  it.each([
    // E5, verbatim
    ['born 2020-03-15: queued the day before the 6th birthday', '2020-03-15', '2026-03-14', true],
    ['born 2020-03-15: archived on 2026-03-15', '2020-03-15', '2026-03-15', false],
    ['born 2020-10-10: still queued after the 6th birthday', '2020-10-10', '2026-12-31', true],
    ['born 2020-10-10: archived 2027-01-01', '2020-10-10', '2027-01-01', false],
    ['born 2020-09-01: a birthday on 1 September is not before it', '2020-09-01', '2026-12-31', true],
    ['born 2020-09-01: archived 2027-01-01', '2020-09-01', '2027-01-01', false],
    ['born 2020-08-31: archived on the 6th birthday', '2020-08-31', '2026-08-31', false],
    ['applying 2026-01-20, born 2020-02-01: accepted', '2020-02-01', '2026-01-20', true],
    ['born 2020-02-01: archived 2026-02-01', '2020-02-01', '2026-02-01', false],
    ['applying 2026-01-10, born 2019-11-20: AGE_LIMIT', '2019-11-20', '2026-01-10', false],
    ['born 2022-12-31: a young child', '2022-12-31', '2026-02-03', true],
    ['born 2020-02-29: turns 6 on 1 March in a common year (R-TIME-06)', '2020-02-29', '2026-02-28', true],
    ['born 2020-02-29: archived 2026-03-01', '2020-02-29', '2026-03-01', false],
  ])('R-ELIG-03, E5: %s', (_, birthDate, today, expected) => {
    expect(withinQueueAge(child(birthDate), localDate(today), DEFAULT_POLICY)).toBe(expected);
  });

  it('R-ELIG-02, E5: a SEN child with a PMPC conclusion is never archived for age', () => {
    const senChild = child('2019-05-05', true, true);
    expect(withinQueueAge(senChild, localDate('2030-01-01'), DEFAULT_POLICY)).toBe(true);
    expect(queueAgeEnds(senChild, DEFAULT_POLICY)).toBeUndefined();
  });

  it('R-ELIG-02: SEN without a PMPC conclusion is not exempt', () => {
    expect(withinQueueAge(child('2019-05-05', true, false), localDate('2026-01-01'), DEFAULT_POLICY)).toBe(
      false,
    );
  });

  it.each([
    ['2020-03-15', '2026-03-15'],
    ['2020-10-10', '2027-01-01'],
    ['2020-09-01', '2027-01-01'],
    ['2020-02-01', '2026-02-01'],
  ])('R-SYS-10, E5: born %s → archived at 00:00 of %s', (birthDate, archivedOn) => {
    const ends = queueAgeEnds(child(birthDate), DEFAULT_POLICY);
    expect(ends).toBe(archivedOn);
    if (ends === undefined) return;
    expect(withinQueueAge(child(birthDate), ends, DEFAULT_POLICY)).toBe(false);
  });

  it('R-ELIG-03: archiveAge and ageCutoff are policy values', () => {
    const policy = { archiveAge: 7, ageCutoff: monthDay('12-31') };
    expect(withinQueueAge(child('2019-05-05'), localDate('2026-05-04'), policy)).toBe(true);
    expect(withinQueueAge(child('2019-05-05'), localDate('2026-05-05'), policy)).toBe(false);
  });
});

const SETTLEMENT = '751110000';
const TODAY = localDate('2026-02-02');

const prior = (
  id: string,
  queue: QueueKind,
  { live = true, everQueued = true, settlement = SETTLEMENT } = {},
): PriorApplication => ({ id, queue, live, everQueued, settlement });

const application = (
  queue: QueueKind = 'general',
  overrides: Partial<NewApplication['child']> = {},
): NewApplication => ({
  settlement: SETTLEMENT,
  queue,
  child: { ...child('2022-05-05'), ...overrides },
});

const history = (
  applications: readonly PriorApplication[] = [],
  privilegedReferrals: ApplicationHistory['privilegedReferrals'] = [],
): ApplicationHistory => ({ applications, privilegedReferrals });

const senChild = { sen: true, pmpcConclusion: true };

describe('checkNewApplication (spec 5.1, R-REFUSE-04)', () => {
  it.each([
    ['a first application', application(), history(), undefined],
    [
      'R-ELIG-22: a valid IIN matching the birth date',
      application('general', { iin: makeIin(localDate('2022-05-05'), 'female', 17) }),
      history(),
      undefined,
    ],
    [
      'R-ELIG-22: an IIN with a bad check digit → INVALID_IIN',
      application('general', { iin: `${makeIin(localDate('2022-05-05'), 'female', 17).slice(0, 11)}x` }),
      history(),
      ['INVALID_IIN', 'R-ELIG-22'],
    ],
    [
      'R-ELIG-22: an IIN of another birth date → IIN_BIRTHDATE_MISMATCH',
      application('general', { iin: makeIin(localDate('2022-05-06'), 'male', 3) }),
      history(),
      ['IIN_BIRTHDATE_MISMATCH', 'R-ELIG-22'],
    ],
    [
      'R-ELIG-02/03, E5: born 2019-11-20, applying 2026-02-02 → AGE_LIMIT',
      application('general', { birthDate: localDate('2019-11-20') }),
      history(),
      ['AGE_LIMIT', 'R-ELIG-03'],
    ],
    [
      'R-ELIG-02: the same child with SEN and a PMPC conclusion is accepted',
      application('special:speech', { birthDate: localDate('2019-11-20'), ...senChild }),
      history(),
      undefined,
    ],
    [
      'R-QUEUE-06: a second live general application → DUPLICATE_APPLICATION',
      application(),
      history([prior('a1', 'general')]),
      ['DUPLICATE_APPLICATION', 'R-QUEUE-06'],
    ],
    [
      'R-QUEUE-06: a second special application of another disorder is still the same family',
      application('special:visual', senChild),
      history([prior('a1', 'special:speech')]),
      ['DUPLICATE_APPLICATION', 'R-QUEUE-06'],
    ],
    [
      'R-QUEUE-06: a pending application counts as live',
      application(),
      history([prior('a1', 'general', { everQueued: false })]),
      ['DUPLICATE_APPLICATION', 'R-QUEUE-06'],
    ],
    [
      'R-QUEUE-06: a final (withdrawn) application does not block a new one',
      application(),
      history([prior('a1', 'general', { live: false })]),
      undefined,
    ],
    [
      'R-QUEUE-08, A-19: a child enrolled through an earlier application may apply again',
      application(),
      history([prior('a1', 'general', { live: false })]),
      undefined,
    ],
    [
      'R-QUEUE-05: a non-SEN child may not add a sanatorium queue to its general one',
      application('sanatorium:tuberculosis'),
      history([prior('a1', 'general')]),
      ['DUPLICATE_APPLICATION', 'R-QUEUE-05'],
    ],
    [
      'R-QUEUE-05: a SEN child may be in the general, a special and a sanatorium queue at once',
      application('sanatorium:tuberculosis', senChild),
      history([prior('a1', 'general'), prior('a2', 'special:hearing')]),
      undefined,
    ],
    [
      'R-QUEUE-05: SEN without a PMPC conclusion gives no second queue',
      application('special:hearing', { sen: true, pmpcConclusion: false }),
      history([prior('a1', 'general')]),
      ['DUPLICATE_APPLICATION', 'R-QUEUE-05'],
    ],
    [
      'R-QUEUE-06: a SEN child’s applications are all in one settlement',
      application('special:hearing', senChild),
      history([prior('a1', 'general', { settlement: '750000000' })]),
      ['DUPLICATE_APPLICATION', 'R-QUEUE-06'],
    ],
    [
      'R-ELIG-04, A-01: a 4th registration in the same settlement and family → REGISTRATION_LIMIT',
      application(),
      history([1, 2, 3].map((n) => prior(`a${n}`, 'general', { live: false }))),
      ['REGISTRATION_LIMIT', 'R-ELIG-04'],
    ],
    [
      'R-ELIG-04: the 3rd registration is accepted',
      application(),
      history([1, 2].map((n) => prior(`a${n}`, 'general', { live: false }))),
      undefined,
    ],
    [
      'R-ELIG-04: applications never queued (rejected while pending) are not registrations',
      application(),
      history([1, 2, 3].map((n) => prior(`a${n}`, 'general', { live: false, everQueued: false }))),
      undefined,
    ],
    [
      'R-ELIG-04, G-08: registrations count per settlement',
      application(),
      history([1, 2, 3].map((n) => prior(`a${n}`, 'general', { live: false, settlement: '750000000' }))),
      undefined,
    ],
    [
      'R-ELIG-04: registrations count per queue family (special ones do not limit the general queue)',
      application(),
      history([1, 2, 3].map((n) => prior(`a${n}`, 'special:speech', { live: false }))),
      undefined,
    ],
  ])('%s', (_, input, known, expected) => {
    const result = checkNewApplication(input, known, DEFAULT_POLICY, TODAY);
    expect(result && [result.code, result.rule]).toEqual(expected);
  });

  const stateReferral = (issuedAt: string, admittedOn?: string) => ({
    ownership: 'state' as const,
    issuedAt: instant(issuedAt),
    ...(admittedOn === undefined ? {} : { admittedOn: localDate(admittedOn) }),
  });

  it.each([
    [
      'admitted 2026-01-02: too early on 2026-02-01',
      [stateReferral('2025-12-20T10:00', '2026-01-02')],
      '2026-02-01',
      'REQUEUE_TOO_EARLY',
    ],
    [
      'admitted 2026-01-02: accepted from 2026-02-02',
      [stateReferral('2025-12-20T10:00', '2026-01-02')],
      '2026-02-02',
      undefined,
    ],
    [
      'not admitted, issued 2026-01-31: accepted from 2026-02-28 (R-TIME-04)',
      [stateReferral('2026-01-31T07:05')],
      '2026-02-27',
      'REQUEUE_TOO_EARLY',
    ],
    [
      'not admitted, issued 2026-01-31: accepted on 2026-02-28',
      [stateReferral('2026-01-31T07:05')],
      '2026-02-28',
      undefined,
    ],
    [
      'a privileged referral to a private kindergarten does not delay',
      [{ ...stateReferral('2026-01-31T07:05'), ownership: 'private' as const }],
      '2026-02-01',
      undefined,
    ],
  ])('R-QUEUE-09, A-07: %s', (_, referrals, today, expected) => {
    const result = checkNewApplication(
      application(),
      history([], referrals),
      DEFAULT_POLICY,
      localDate(today),
    );
    expect(result?.code).toBe(expected);
    if (result) expect(result.rule).toBe('R-QUEUE-09');
  });

  it('R-QUEUE-09: the wait concerns the general queue only', () => {
    const referrals = [stateReferral('2026-01-31T07:05')];
    const input = application('special:speech', senChild);
    expect(checkNewApplication(input, history([], referrals), DEFAULT_POLICY, TODAY)).toBeUndefined();
  });

  it('R-REFUSE-04: every refusal names its rule and explains itself', () => {
    const result = checkNewApplication(
      application(),
      history([1, 2, 3].map((n) => prior(`a${n}`, 'general', { live: false }))),
      DEFAULT_POLICY,
      TODAY,
    );
    expect(result?.message).toContain('3 times in the general queue of 751110000');
  });
});
