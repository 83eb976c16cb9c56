import { describe, expect, it } from 'vitest';
import { KZ_WORKING_DAY_CALENDAR } from '../calendar/kz-calendar';
import { DEFAULT_POLICY } from '../policy/policy';
import { formatInstant, instant } from '../time/instant';
import type { Outcome } from './outcome';
import {
  admitReferral,
  cancelReferral,
  confirmReferral,
  expireIfDue,
  expireWithStay,
  extendReferral,
  issueReferral,
  refuseAdmission,
  revokeReferral,
  startOnVacating,
  visibleToKindergarten,
  type Referral,
} from './referral';
import { cancelDeadlineFrom, confirmByFrom, extendedValidUntil, validUntilFrom } from './referral-clock';
import { localDate } from '../time/local-date';

const calendar = KZ_WORKING_DAY_CALENDAR;
const policy = DEFAULT_POLICY;
const ISSUED = instant('2026-02-04T07:31');

const issue = (needsConfirmation: boolean, placeWaiting = false): Referral =>
  issueReferral(
    {
      id: 'r1',
      application: 'a1',
      child: 'c1',
      place: 'v1',
      unit: 0,
      admission: placeWaiting ? 'earlyBooking' : 'general',
      privileged: needsConfirmation,
      needsConfirmation,
      placeWaiting,
    },
    ISSUED,
    policy,
    calendar,
  );

/** The referral in each live phase of spec §5.2 (and the extended running one). */
const FROM: Record<string, Referral> = {
  running: issue(false),
  pendingConfirmation: issue(true),
  waitingForPlace: issue(false, true),
  extended: { ...issue(false), status: 'extended', validUntil: localDate('2026-03-13') },
  cancelled: { ...issue(false), status: 'cancelled' },
  admitted: { ...issue(false), status: 'admitted' },
};

const AT = instant('2026-02-05T07:00');
const TRIGGERS: Record<string, (r: Referral) => Outcome<Referral>> = {
  confirm: (r) => confirmReferral(r, 'confirmed', { at: AT, placeWaiting: false, policy, calendar }),
  privilegeNotConfirmed: (r) =>
    confirmReferral(r, 'privilegeNotConfirmed', { at: AT, placeWaiting: false, policy, calendar }),
  identityNotConfirmed: (r) =>
    confirmReferral(r, 'identityNotConfirmed', { at: AT, placeWaiting: false, policy, calendar }),
  cancel: (r) => cancelReferral(r, AT),
  extend: (r) => extendReferral(r, { days: 10, reason: 'illness', at: AT }, policy, calendar),
  admit: (r) => admitReferral(r, AT),
  refuse: (r) => refuseAdmission(r, 'medicalContraindication', AT),
};

/** from × trigger → `status/phase` or `CODE rule` (spec §5.2). */
const TABLE: Record<string, Record<string, string>> = {
  running: {
    confirm: 'INVALID_STATE R-REF-07',
    privilegeNotConfirmed: 'INVALID_STATE R-REF-07',
    identityNotConfirmed: 'INVALID_STATE R-REF-07',
    cancel: 'cancelled/running',
    extend: 'extended/running',
    admit: 'admitted/running',
    refuse: 'refused/running',
  },
  pendingConfirmation: {
    confirm: 'issued/running',
    privilegeNotConfirmed: 'cancelled/pendingConfirmation',
    identityNotConfirmed: 'expired/pendingConfirmation',
    cancel: 'cancelled/pendingConfirmation',
    extend: 'REFERRAL_NOT_RUNNING R-REF-10',
    admit: 'REFERRAL_NOT_RUNNING R-ADM-09',
    refuse: 'REFERRAL_NOT_RUNNING R-ADM-10',
  },
  waitingForPlace: {
    confirm: 'INVALID_STATE R-REF-07',
    privilegeNotConfirmed: 'INVALID_STATE R-REF-07',
    identityNotConfirmed: 'INVALID_STATE R-REF-07',
    cancel: 'cancelled/waitingForPlace',
    extend: 'REFERRAL_NOT_RUNNING R-REF-10',
    admit: 'REFERRAL_NOT_RUNNING R-ADM-09',
    refuse: 'REFERRAL_NOT_RUNNING R-ADM-10',
  },
  extended: {
    confirm: 'INVALID_STATE R-REF-07',
    privilegeNotConfirmed: 'INVALID_STATE R-REF-07',
    identityNotConfirmed: 'INVALID_STATE R-REF-07',
    cancel: 'cancelled/running',
    extend: 'EXTENSION_USED R-REF-10',
    admit: 'admitted/running',
    refuse: 'refused/running',
  },
  cancelled: {
    confirm: 'INVALID_STATE R-REF-07',
    privilegeNotConfirmed: 'INVALID_STATE R-REF-07',
    identityNotConfirmed: 'INVALID_STATE R-REF-07',
    cancel: 'INVALID_STATE R-REF-09',
    extend: 'REFERRAL_NOT_RUNNING R-REF-10',
    admit: 'REFERRAL_NOT_RUNNING R-ADM-09',
    refuse: 'REFERRAL_NOT_RUNNING R-ADM-10',
  },
  admitted: {
    confirm: 'INVALID_STATE R-REF-07',
    privilegeNotConfirmed: 'INVALID_STATE R-REF-07',
    identityNotConfirmed: 'INVALID_STATE R-REF-07',
    cancel: 'INVALID_STATE R-REF-09',
    extend: 'REFERRAL_NOT_RUNNING R-REF-10',
    admit: 'REFERRAL_NOT_RUNNING R-ADM-09',
    refuse: 'REFERRAL_NOT_RUNNING R-ADM-10',
  },
};

const describeOutcome = (outcome: Outcome<Referral>): string =>
  outcome.ok
    ? `${outcome.value.status}/${outcome.value.phase}`
    : `${outcome.refusal.code} ${outcome.refusal.rule}`;

describe('referral state machine (spec §5.2; R-APPL-05, -06, R-KG-06, R-ADM-04, -06)', () => {
  const cases = Object.entries(TABLE).flatMap(([from, row]) =>
    Object.entries(row).map(([trigger, expected]) => [from, trigger, expected] as const),
  );
  it.each(cases)('%s × %s → %s', (from, trigger, expected) => {
    const referral = FROM[from];
    const run = TRIGGERS[trigger];
    if (referral === undefined || run === undefined) throw new Error(`${from} ${trigger}`);
    const outcome = run(referral);
    expect(describeOutcome(outcome)).toBe(expected);
    // R-APPL-07: each change is an event for the notifications.
    if (outcome.ok) expect(outcome.events[0]?.subject).toBe('r1');
  });

  it('R-ADM-06, R-ADM-04: a medical contraindication is a refusal reason, kept on the referral', () => {
    const outcome = refuseAdmission(FROM['running'] ?? issue(false), 'medicalContraindication', AT);
    expect(outcome.ok && outcome.value.statusReason).toBe('medicalContraindication');
  });
});

describe('referral clocks (R-REF-06, -07, -09, -10, -12)', () => {
  it('R-REF-06 (§3(6)): nothing to verify → running from issue, valid to the 5th working day after it', () => {
    expect(FROM['running']).toMatchObject({ phase: 'running', validFrom: ISSUED, validUntil: '2026-02-11' });
  });

  it('R-REF-07: awaiting originals → no validity yet, confirmBy the 5th working day after issue (E4)', () => {
    expect(FROM['pendingConfirmation']).toMatchObject({
      phase: 'pendingConfirmation',
      confirmBy: '2026-02-11',
    });
    expect(FROM['pendingConfirmation']?.validUntil).toBeUndefined();
    expect(confirmByFrom(ISSUED, calendar)).toBe('2026-02-11');
  });

  it('R-REF-06 (A-04): confirmation on Fri 6 Feb starts validity then: 13 Feb (E4)', () => {
    const outcome = confirmReferral(FROM['pendingConfirmation'] ?? issue(true), 'confirmed', {
      at: instant('2026-02-06T10:20'),
      placeWaiting: false,
      policy,
      calendar,
    });
    expect(outcome.ok && outcome.value.validUntil).toBe('2026-02-13');
  });

  it('R-REF-06, R-SYS-07: confirmed before an early-booked place is vacated → waits; runs from vacating (E6)', () => {
    const pending = issue(true, true);
    const confirmed = confirmReferral(pending, 'confirmed', { at: AT, placeWaiting: true, policy, calendar });
    expect(confirmed.ok && confirmed.value.phase).toBe('waitingForPlace');
    const waiting = FROM['waitingForPlace'] ?? pending;
    expect(startOnVacating(waiting, instant('2026-02-20T12:00'), policy, calendar).validUntil).toBe(
      '2026-02-27',
    );
    expect(startOnVacating(FROM['running'] ?? waiting, AT, policy, calendar)).toBe(FROM['running']);
  });

  it('R-REF-09, R-APPL-05: cancellation up to issue + 24 h inclusive', () => {
    expect(formatInstant(cancelDeadlineFrom(ISSUED, policy))).toBe('2026-02-05T07:31:00+05:00');
    const running = FROM['running'] ?? issue(false);
    expect(cancelReferral(running, instant('2026-02-05T07:31')).ok).toBe(true);
    expect(cancelReferral(running, instant('2026-02-05T07:31:01'))).toMatchObject({
      ok: false,
      refusal: { code: 'CANCEL_WINDOW_PASSED', rule: 'R-REF-09' },
    });
  });

  it.each([
    ['2026-02-11', 30, '2026-03-13'],
    ['2026-02-11', 3, '2026-02-16'],
    ['2026-02-13', 30, '2026-03-16'],
  ])(
    'R-REF-10, R-APPL-06: validUntil %s + %i calendar days → %s (a day off moves forward)',
    (until, days, expected) => {
      expect(extendedValidUntil(localDate(until), days, calendar)).toBe(expected);
    },
  );

  it('R-REF-10: not after validUntil, not more than 30 days', () => {
    const running = FROM['running'] ?? issue(false);
    expect(
      extendReferral(
        running,
        { days: 5, reason: 'leave', at: instant('2026-02-12T00:00') },
        policy,
        calendar,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'REFERRAL_NOT_RUNNING' } });
    expect(extendReferral(running, { days: 31, reason: 'leave', at: AT }, policy, calendar)).toMatchObject({
      ok: false,
      refusal: { code: 'EXTENSION_TOO_LONG', rule: 'R-REF-10' },
    });
  });

  it('R-REF-12, R-REF-08: the 00:00 job after validUntil / confirmBy expires, not before', () => {
    const running = FROM['running'] ?? issue(false);
    expect(expireIfDue(running, localDate('2026-02-11'))).toBeUndefined();
    expect(expireIfDue(running, localDate('2026-02-12'))).toMatchObject({
      status: 'expired',
      statusReason: 'notAdmitted',
    });
    const pending = FROM['pendingConfirmation'] ?? issue(true);
    expect(expireIfDue(pending, localDate('2026-02-12'))).toMatchObject({
      status: 'expired',
      statusReason: 'notConfirmed',
    });
    expect(expireIfDue(FROM['waitingForPlace'] ?? pending, localDate('2027-01-01'))).toBeUndefined();
  });

  it('R-ADM-09: admission on the last valid day, not the day after', () => {
    const running = FROM['running'] ?? issue(false);
    expect(admitReferral(running, instant('2026-02-11T17:00')).ok).toBe(true);
    expect(admitReferral(running, instant('2026-02-12T09:00')).ok).toBe(false);
  });

  it('validity counts working days only (R-TIME-03): issued before Nauryz 2026', () => {
    expect(validUntilFrom(instant('2026-03-19T10:00'), policy, calendar)).toBe('2026-03-31');
  });
});

describe('revocation, temporary stay, visibility (R-REF-15, R-KG-03, R-KG-05, R-KG-07)', () => {
  it('R-REF-15, R-KG-03: a revoked place revokes its referral with the reason', () => {
    expect(revokeReferral(FROM['running'] ?? issue(false), 'quarantine')).toMatchObject({
      status: 'revoked',
      statusReason: 'quarantine',
    });
  });

  it('R-KG-05: the end of a temporary stay lapses a live referral, leaves an admitted one', () => {
    expect(expireWithStay(FROM['running'] ?? issue(false))).toMatchObject({
      status: 'expired',
      statusReason: 'stayEnded',
    });
    expect(expireWithStay(FROM['admitted'] ?? issue(false))).toBeUndefined();
  });

  it('R-KG-07: the kindergarten sees a referral only after the provider confirmed the documents', () => {
    expect(visibleToKindergarten(FROM['pendingConfirmation'] ?? issue(true))).toBe(false);
    expect(visibleToKindergarten(FROM['running'] ?? issue(false))).toBe(true);
    expect(visibleToKindergarten(FROM['waitingForPlace'] ?? issue(false))).toBe(true);
  });
});
