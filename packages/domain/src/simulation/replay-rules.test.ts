import { describe, expect, it } from 'vitest';
import { localDate } from '../time/local-date';
import type { ScenarioAction } from './scenario-event';
import { simulate } from './replay';
import {
  apply,
  claim,
  finalState,
  kindergarten,
  outcome,
  place,
  run,
  scenario,
} from './scenario-test-helpers';

type Step = readonly [string, ScenarioAction];

/** k1 (state), general applications a1…aN born 2022, one age-4 place v1 of `count` units reported Tue 3 Feb. */
const base = (applications: number, count = 1, extra: Step[] = []): Step[] => [
  ['2026-02-02T09:00', kindergarten('k1')],
  ...Array.from({ length: applications }, (_, i): Step => [
    `2026-02-02T10:0${i}`,
    apply(`a${i + 1}`, '2022-05-05'),
  ]),
  ['2026-02-03T11:00', place('v1', 'k1', count)],
  ...extra,
];
const tick: ScenarioAction = { do: 'tick' };
const BASE_LINES = (applications: number) => applications + 2;

describe('bulletin and windows (R-WIN)', () => {
  it('R-WIN-02, R-SYS-04: reported units stay `reported` until the 18:00 bulletin publishes them', () => {
    const before = run(base(1, 1, [['2026-02-03T17:59', tick]]));
    expect(finalState(before).places['v1']).toEqual({ free: 0, status: 'reported' });
    const after = run(base(1, 1, [['2026-02-03T18:00', tick]]));
    expect(finalState(after).places['v1']).toEqual({ free: 1, status: 'published' });
    expect(finalState(after).window['751110000/2022/general']).toEqual({
      phase: 'none',
      until: '2026-02-04T07:00:00+05:00',
      access: [],
    });
  });

  it('R-WIN-03 (A-16): the window opens at the first 07:00 after publication, a Saturday too', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2022-05-05')],
      ['2026-02-06T11:00', place('v1', 'k1', 1)],
      ['2026-02-07T07:00', tick],
    ]);
    expect(finalState(output).window['751110000/2022/general']?.phase).toBe('priority');
  });

  it('R-WIN-03: with windowEveryCalendarDay false a Friday bulletin opens on Monday', () => {
    const output = run([
      ['2026-02-02T08:00', { do: 'policy', set: { windowEveryCalendarDay: false } }],
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2022-05-05')],
      ['2026-02-06T11:00', place('v1', 'k1', 1)],
      ['2026-02-08T12:00', { do: 'snapshot', label: 'sunday' }],
      ['2026-02-09T07:00', tick],
    ]);
    expect(output.snapshots[0]?.state.window['751110000/2022/general']?.phase).toBe('none');
    expect(finalState(output).window['751110000/2022/general']?.phase).toBe('priority');
  });

  it('R-WIN-04, R-WIN-05: access is the first N_k; the window closes at 07:00 on the 3rd working day (E3)', () => {
    const output = run(base(3, 2, [['2026-02-04T07:00', tick]]));
    expect(finalState(output).window['751110000/2022/general']).toEqual({
      phase: 'priority',
      until: '2026-02-09T07:00:00+05:00',
      access: ['a1', 'a2'],
    });
  });

  it('R-WIN-05: a holiday inside the window moves its close', () => {
    const output = run(
      base(1, 1, [
        [
          '2026-02-03T12:00',
          { do: 'calendar', year: 2026, calendar: { holidays: [localDate('2026-02-05')], workdays: [] } },
        ],
        ['2026-02-04T07:00', tick],
      ]),
    );
    expect(finalState(output).window['751110000/2022/general']?.until).toBe('2026-02-10T07:00:00+05:00');
  });

  it('R-WIN-06: outside the frozen access set the claim is NO_ACCESS', () => {
    const output = run(base(2, 1, [['2026-02-04T07:30', claim('r1', 'a2', 'v1')]]));
    expect(outcome(output, BASE_LINES(2) + 1)).toMatchObject({
      ok: false,
      code: 'NO_ACCESS',
      rule: 'R-WIN-06',
    });
  });

  it('R-WIN-07: after the window the leftover is open to the first leftoverFirstN only', () => {
    const output = run([
      ['2026-02-02T08:00', { do: 'policy', set: { leftoverFirstN: 1 } }],
      ...base(3, 2, [
        ['2026-02-09T07:05', claim('r1', 'a3', 'v1')],
        ['2026-02-09T07:06', claim('r2', 'a1', 'v1')],
      ]),
    ]);
    expect(outcome(output, BASE_LINES(3) + 2)).toMatchObject({ code: 'NO_ACCESS', rule: 'R-WIN-07' });
    expect(outcome(output, BASE_LINES(3) + 3)).toMatchObject({ ok: true });
  });

  it('R-WIN-08, R-REF-09: a cancelled referral’s unit returns with the next bulletin and a new window', () => {
    const output = run(
      base(2, 1, [
        ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
        ['2026-02-04T09:00', { do: 'cancelReferral', referral: 'r1' }],
        ['2026-02-04T12:00', { do: 'snapshot', label: 'released' }],
        ['2026-02-05T07:00', tick],
      ]),
    );
    expect(output.snapshots[0]?.state.places['v1']).toEqual({ free: 0, status: 'reported' });
    expect(finalState(output).places['v1']).toEqual({ free: 1, status: 'published' });
    expect(finalState(output).window['751110000/2022/general']?.access).toEqual(['a1']);
  });

  it('R-WIN-09, R-REF-03: birth year fixed at publication (AGE_MISMATCH) and queue kind (QUEUE_MISMATCH)', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2021-05-05')],
      ['2026-02-02T10:01', apply('s1', '2022-05-05', { sen: true, pmpc: true, queue: 'special:speech' })],
      ['2026-02-03T11:00', place('v1', 'k1', 2)],
      ['2026-02-09T08:00', claim('r1', 'a1', 'v1')],
      ['2026-02-09T08:01', claim('r2', 's1', 'v1')],
    ]);
    expect(outcome(output, 5)).toMatchObject({ code: 'AGE_MISMATCH', rule: 'R-REF-03' });
    expect(outcome(output, 6)).toMatchObject({ code: 'QUEUE_MISMATCH', rule: 'R-WIN-09' });
  });

  it('R-WIN-10: the losing claim on the last unit is NO_FREE_UNIT and changes nothing (E7)', () => {
    const output = run(
      base(2, 1, [
        ['2026-02-09T07:05', claim('r1', 'a2', 'v1')],
        ['2026-02-09T07:06', claim('r2', 'a1', 'v1')],
      ]),
    );
    expect(outcome(output, BASE_LINES(2) + 2)).toMatchObject({ code: 'NO_FREE_UNIT', rule: 'R-WIN-10' });
    expect(finalState(output).applications['a1']).toMatchObject({ status: 'queued', position: 1 });
  });
});

describe('referrals (R-REF)', () => {
  const claimed = (extra: Step[], count = 1): Step[] =>
    base(2, count, [['2026-02-04T07:31', claim('r1', 'a1', 'v1')], ...extra]);
  const line = BASE_LINES(2) + 1;

  it('R-REF-06: nothing to verify → running at once, validUntil the 5th working day after issue', () => {
    expect(finalState(run(claimed([]))).referrals['r1']).toEqual({
      status: 'issued',
      application: 'a1',
      place: 'v1',
      validUntil: '2026-02-11',
    });
  });

  it('R-REF-07, R-REF-08: an out-of-turn referral waits for originals; confirmBy passing expires it (E4)', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('o1', '2022-05-05', { categories: ['military'] })],
      ['2026-02-03T11:00', place('v1', 'k1', 1)],
      ['2026-02-04T07:31', claim('r1', 'o1', 'v1')],
      ['2026-02-11T23:59', { do: 'snapshot', label: 'last day' }],
      ['2026-02-12T00:00', tick],
    ]);
    expect(output.snapshots[0]?.state.referrals['r1']).toMatchObject({ status: 'issued', validUntil: null });
    expect(finalState(output).referrals['r1']?.status).toBe('expired');
    expect(finalState(output).applications['o1']?.status).toBe('queued');
  });

  it('R-REF-07: confirmation starts the 5 working days (E4: shown Fri 6 Feb → 13 Feb)', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('o1', '2022-05-05', { categories: ['military'] })],
      ['2026-02-03T11:00', place('v1', 'k1', 1)],
      ['2026-02-04T07:31', claim('r1', 'o1', 'v1')],
      ['2026-02-06T10:20', { do: 'confirmReferral', referral: 'r1', result: 'confirmed' }],
    ]);
    expect(finalState(output).referrals['r1']).toMatchObject({ status: 'issued', validUntil: '2026-02-13' });
  });

  it('R-REF-08: a privilege not confirmed cancels the referral and re-queues the application as G', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('g1', '2022-05-05')],
      ['2026-02-02T10:01', apply('o1', '2022-05-05', { categories: ['military'] })],
      ['2026-02-03T11:00', place('v1', 'k1', 1)],
      ['2026-02-04T07:31', claim('r1', 'o1', 'v1')],
      ['2026-02-06T10:20', { do: 'confirmReferral', referral: 'r1', result: 'privilegeNotConfirmed' }],
    ]);
    expect(finalState(output).referrals['r1']?.status).toBe('cancelled');
    expect(finalState(output).queues['751110000/2022/general']).toEqual(['g1', 'o1']);
  });

  it('R-REF-09: cancel at issue + 24h is still in time', () => {
    const output = run(claimed([['2026-02-05T07:31', { do: 'cancelReferral', referral: 'r1' }]]));
    expect(outcome(output, line + 1)).toMatchObject({ ok: true });
    expect(finalState(output).applications['a1']).toMatchObject({ status: 'queued', position: 1 });
  });

  it('R-REF-09: cancel a second after issue + 24h is CANCEL_WINDOW_PASSED', () => {
    const output = run(claimed([['2026-02-05T07:31:01', { do: 'cancelReferral', referral: 'r1' }]]));
    expect(outcome(output, line + 1)).toMatchObject({ code: 'CANCEL_WINDOW_PASSED', rule: 'R-REF-09' });
  });

  it.each([
    [30, 'illness', true, '2026-03-13'],
    [29, 'leave', true, '2026-03-12'],
    [31, 'illness', false, 'EXTENSION_TOO_LONG'],
  ] as const)('R-REF-10: extension by %i days (%s)', (days, reason, ok, expected) => {
    const output = run(
      claimed([['2026-02-06T10:00', { do: 'extendReferral', referral: 'r1', days, reason }]]),
    );
    if (ok)
      expect(finalState(output).referrals['r1']).toMatchObject({ status: 'extended', validUntil: expected });
    else expect(outcome(output, line + 1)).toMatchObject({ code: expected, rule: 'R-REF-10' });
  });

  it('R-REF-10: a non-working last day moves to the next working day; a second extension is EXTENSION_USED', () => {
    const output = run(
      claimed([
        ['2026-02-06T10:00', { do: 'extendReferral', referral: 'r1', days: 3, reason: 'illness' }],
        ['2026-02-06T10:01', { do: 'extendReferral', referral: 'r1', days: 1, reason: 'illness' }],
      ]),
    );
    // 11 Feb + 3 = Saturday 14 Feb → Monday 16 Feb.
    expect(finalState(output).referrals['r1']?.validUntil).toBe('2026-02-16');
    expect(outcome(output, line + 2)).toMatchObject({ code: 'EXTENSION_USED', rule: 'R-REF-10' });
  });

  it('R-REF-11: a child holds one live referral (LIVE_REFERRAL_EXISTS)', () => {
    const output = run(claimed([['2026-02-04T07:32', claim('r2', 'a1', 'v1')]], 2));
    expect(outcome(output, line + 1)).toMatchObject({ code: 'LIVE_REFERRAL_EXISTS', rule: 'R-REF-11' });
  });

  it('R-REF-12: not admitted by validUntil → expired at 00:00 of the next day, application re-queued', () => {
    const output = run(
      claimed([
        ['2026-02-11T23:59', { do: 'snapshot', label: 'last' }],
        ['2026-02-12T00:00', tick],
      ]),
    );
    expect(output.snapshots[0]?.state.referrals['r1']?.status).toBe('issued');
    expect(finalState(output).referrals['r1']?.status).toBe('expired');
    expect(finalState(output).applications['a1']).toMatchObject({ status: 'queued', position: 1 });
  });

  it('R-REF-12 (A-14): with stopListOnReferralExpiry the expired application goes to the stop list', () => {
    const output = run([
      ['2026-02-02T08:00', { do: 'policy', set: { stopListOnReferralExpiry: true } }],
      ...claimed([['2026-02-12T00:00', tick]]),
    ]);
    expect(finalState(output).applications['a1']?.status).toBe('stopped');
  });

  it('R-REF-04: siblings take units together, all or none', () => {
    const siblings = (count: number): Step[] => [
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('t1', '2022-05-05', { applicant: 'Z' })],
      ['2026-02-02T10:01', apply('x1', '2022-05-05')],
      ['2026-02-02T10:02', apply('t2', '2022-05-05', { applicant: 'Z' })],
      ['2026-02-03T11:00', place('v1', 'k1', count)],
      ['2026-02-04T07:02', claim('r7', ['t1', 't2'], 'v1')],
    ];
    const together = finalState(run(siblings(2)));
    expect(together.referrals['r7']?.application).toBe('t1');
    expect(together.referrals['r7.2']?.application).toBe('t2');
    const none = run(siblings(1));
    expect(outcome(none, 6)).toMatchObject({ code: 'NO_FREE_UNIT', rule: 'R-REF-04' });
    expect(finalState(none).referrals).toEqual({});
  });

  it('R-REF-13, R-KG-05: a temporary-stay referral keeps the application queued', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2022-05-05')],
      ['2026-02-03T11:00', place('v1', 'k1', 1, { admission: 'temporary' })],
      ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
    ]);
    expect(finalState(output).applications['a1']).toMatchObject({ status: 'queued', position: 1 });
    expect(finalState(output).referrals['r1']?.status).toBe('issued');
  });

  it('R-REF-15, R-KG-02, R-KG-03: revoking a reserved unit revokes the referral and re-queues (E6)', () => {
    const output = run(
      claimed([
        ['2026-02-06T10:00', { do: 'revoke', place: 'v1', count: 1, reason: 'quarantine' }],
        ['2026-02-07T07:00', tick],
      ]),
    );
    expect(finalState(output).referrals['r1']?.status).toBe('revoked');
    expect(finalState(output).applications['a1']).toMatchObject({ status: 'queued', position: 1 });
    expect(finalState(output).places['v1']).toEqual({ free: 0, status: 'revoked' });
  });
});

describe('early booking, admission, archive, interest', () => {
  it('R-KG-04, R-SYS-07: an early-booked place is claimed while waiting; vacated early, the referral runs (E6)', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k2')],
      ['2026-02-02T10:00', apply('m1', '2021-05-05')],
      [
        '2026-02-03T11:00',
        place('v5', 'k2', 1, { age: 5, admission: 'earlyBooking', freeFrom: '2026-03-02' }),
      ],
      ['2026-02-04T07:05', claim('r5', 'm1', 'v5')],
      ['2026-02-04T08:00', { do: 'snapshot', label: 'waiting' }],
      ['2026-02-20T12:00', { do: 'free', place: 'v5' }],
    ]);
    expect(output.snapshots[0]?.state.places['v5']).toEqual({ free: 0, status: 'waiting' });
    expect(output.snapshots[0]?.state.referrals['r5']?.validUntil).toBeNull();
    expect(finalState(output).referrals['r5']?.validUntil).toBe('2026-02-27');
  });

  it('R-SYS-07: on its set date the early-booked place is vacated by the 00:00 job', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k2')],
      ['2026-02-02T10:00', apply('m1', '2021-05-05')],
      [
        '2026-02-03T11:00',
        place('v5', 'k2', 1, { age: 5, admission: 'earlyBooking', freeFrom: '2026-03-02' }),
      ],
      ['2026-02-04T07:05', claim('r5', 'm1', 'v5')],
      ['2026-03-02T00:00', tick],
    ]);
    // Vacated Mon 2 Mar 00:00; 8 March falls on a Sunday, so Mon 9 March is a day off (carry-over): 3,4,5,6,10.
    expect(finalState(output).referrals['r5']?.validUntil).toBe('2026-03-10');
  });

  it('R-ADM-09: admission enrols the application and archives the child’s other applications', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2022-05-05', { sen: true, pmpc: true })],
      [
        '2026-02-02T10:01',
        apply('a2', '2022-05-05', { sen: true, pmpc: true, queue: 'special:speech', child: 'c-a1' }),
      ],
      ['2026-02-03T11:00', place('v1', 'k1', 1)],
      ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
      ['2026-02-05T10:00', { do: 'admit', referral: 'r1' }],
    ]);
    expect(finalState(output).applications['a1']?.status).toBe('enrolled');
    expect(finalState(output).applications['a2']?.status).toBe('archived');
    expect(finalState(output).referrals['r1']?.status).toBe('admitted');
    expect(finalState(output).places['v1']).toEqual({ free: 0, status: 'closed' });
  });

  it('R-ADM-09: admission after validUntil is REFERRAL_NOT_RUNNING; R-ADM-10: refusal re-queues', () => {
    const output = run(
      base(1, 1, [
        ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
        ['2026-02-05T10:00', { do: 'refuseAdmission', referral: 'r1', reason: 'expiredDocuments' }],
        ['2026-02-05T10:01', { do: 'admit', referral: 'r1' }],
      ]),
    );
    expect(finalState(output).referrals['r1']?.status).toBe('refused');
    expect(finalState(output).applications['a1']?.status).toBe('queued');
    expect(outcome(output, BASE_LINES(1) + 3)).toMatchObject({
      code: 'REFERRAL_NOT_RUNNING',
      rule: 'R-ADM-09',
    });
  });

  it.each([
    ['2020-03-15', '2026-03-15T00:00', 'archived'],
    ['2020-03-15', '2026-03-14T23:59', 'queued'],
    ['2020-10-10', '2026-12-31T23:59', 'queued'],
    ['2020-10-10', '2027-01-01T00:00', 'archived'],
  ])('R-SYS-10: a child born %s is %s at %s (E5)', (birthDate, at, status) => {
    const output = run([
      ['2026-01-05T10:00', apply('a1', birthDate)],
      ['2026-01-05T10:01', { do: 'confirmInterest', application: 'a1' }],
      [at, tick],
    ]);
    expect(finalState(output).applications['a1']?.status).toBe(status);
  });

  it('R-SYS-12: a stopped application cannot claim and is not in the queue', () => {
    const output = run(
      base(1, 1, [
        ['2026-02-03T12:00', { do: 'stoplist', application: 'a1', on: true, reason: 'violation' }],
        ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
      ]),
    );
    expect(outcome(output, BASE_LINES(1) + 2)).toMatchObject({ code: 'INVALID_STATE', rule: 'R-SYS-12' });
    expect(finalState(output).queues).toEqual({});
  });

  it('R-SYS-13: interest unconfirmed 12 months + 30 days → archived (notInterested)', () => {
    const steps = (confirm: boolean): Step[] => [
      ['2025-01-10T10:00', apply('a1', '2023-05-05')],
      ...(confirm ? ([['2026-01-15T10:00', { do: 'confirmInterest', application: 'a1' }]] as Step[]) : []),
      ['2026-02-10T00:00', tick],
    ];
    expect(finalState(run(steps(false))).applications['a1']?.status).toBe('archived');
    expect(finalState(run(steps(true))).applications['a1']?.status).toBe('queued');
  });

  it('R-QUEUE-09(c): after a used privilege only private places may be claimed', () => {
    const output = run([
      ['2026-01-02T09:00', kindergarten('k1')],
      ['2026-01-02T09:01', kindergarten('kp', 'private')],
      ['2026-01-05T10:00', apply('a1', '2022-05-05', { categories: ['largeFamily'] })],
      ['2026-01-06T11:00', place('v1', 'k1', 1)],
      ['2026-01-07T07:05', claim('r1', 'a1', 'v1')],
      ['2026-01-08T10:00', { do: 'admit', referral: 'r1' }],
      ['2026-02-09T10:00', apply('a2', '2022-05-05', { child: 'c-a1' })],
      ['2026-02-10T11:00', place('v2', 'k1', 1)],
      ['2026-02-10T11:01', place('v3', 'kp', 1)],
      ['2026-02-11T07:05', claim('r2', 'a2', 'v2')],
      ['2026-02-11T07:06', claim('r3', 'a2', 'v3')],
    ]);
    expect(outcome(output, 7)).toMatchObject({ ok: true });
    expect(outcome(output, 10)).toMatchObject({ code: 'NO_ACCESS', rule: 'R-QUEUE-09' });
    expect(outcome(output, 11)).toMatchObject({ ok: true });
  });
});

describe('applications and referrals through the replay (R-APPL-01, R-SYS-02, R-SYS-06, R-ELIG-20)', () => {
  it('R-APPL-01, R-SYS-02: an application is registered with a position, left pending, or refused and not created', () => {
    const output = run([
      ['2026-02-02T10:00', apply('a1', '2022-05-05')],
      ['2026-02-02T10:01', apply('a2', '2022-05-05', { verified: false })],
      ['2026-02-02T10:02', apply('a3', '2019-01-01')],
    ]);
    expect(finalState(output).applications).toEqual({
      a1: { status: 'queued', position: 1, queue: '751110000/2022/general' },
      a2: { status: 'pending', position: null, queue: '751110000/2022/general' },
    });
    expect(outcome(output, 3)).toMatchObject({ ok: false, code: 'AGE_LIMIT', rule: 'R-ELIG-03' });
  });

  it('R-SYS-06, R-APPL-04: a claim issues the electronic referral to the chosen kindergarten', () => {
    const output = run(base(1, 1, [['2026-02-04T07:05', claim('r1', 'a1', 'v1')]]));
    expect(finalState(output).referrals['r1']).toMatchObject({
      status: 'issued',
      application: 'a1',
      place: 'v1',
    });
    expect(finalState(output).applications['a1']?.status).toBe('referred');
  });

  it('R-ELIG-20, R-ORDER-08: equal submission times keep registration order; a return keeps the time', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2022-05-05')],
      ['2026-02-02T10:00', apply('a2', '2022-05-05')],
      ['2026-02-02T10:01', apply('a3', '2022-05-05')],
      ['2026-02-02T12:00', { do: 'stoplist', application: 'a1', on: true, reason: 'violation' }],
      ['2026-02-05T12:00', { do: 'stoplist', application: 'a1', on: false }],
    ]);
    expect(finalState(output).queues['751110000/2022/general']).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('clock and jobs through the replay (R-TIME-07, R-ADM-08, R-KG-05, R-KG-08, R-WIN-01)', () => {
  it('R-TIME-07: a job due at an event’s instant runs first — a claim at exactly 07:00 finds the window open', () => {
    const output = run(base(1, 1, [['2026-02-04T07:00', claim('r1', 'a1', 'v1')]]));
    expect(outcome(output, BASE_LINES(1) + 1)).toMatchObject({ ok: true });
  });

  it('R-TIME-07: after a long gap the jobs catch up in order (expiry, then bulletin, then window)', () => {
    const output = run(
      base(2, 1, [
        ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
        ['2026-02-20T12:00', tick],
      ]),
    );
    // r1 expired at 00:00 of 12 Feb, the unit was republished at 18:00 and opened to a1 (first) on 13 Feb.
    expect(finalState(output).referrals['r1']?.status).toBe('expired');
    expect(finalState(output).window['751110000/2022/general']).toEqual({
      phase: 'leftover',
      until: null,
      access: ['a1', 'a2'],
    });
  });

  it('R-ADM-08: admission runs all year round — in August too', () => {
    const output = run([
      ['2026-07-20T09:00', kindergarten('k1')],
      ['2026-07-20T10:00', apply('a1', '2022-05-05')],
      ['2026-08-03T11:00', place('v1', 'k1', 1)],
      ['2026-08-04T07:05', claim('r1', 'a1', 'v1')],
      ['2026-08-05T10:00', { do: 'admit', referral: 'r1' }],
    ]);
    expect(finalState(output).applications['a1']?.status).toBe('enrolled');
  });

  it('R-KG-05, R-REF-13: at the end of a temporary stay a referral not yet admitted lapses; the queue is kept', () => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      ['2026-02-02T10:00', apply('a1', '2022-05-05')],
      ['2026-02-03T11:00', place('vt', 'k1', 1, { admission: 'temporary', until: '2026-02-05' })],
      ['2026-02-04T07:05', claim('r1', 'a1', 'vt')],
      ['2026-02-06T00:00', tick],
    ]);
    expect(finalState(output).referrals['r1']?.status).toBe('expired');
    expect(finalState(output).applications['a1']).toMatchObject({ status: 'queued', position: 1 });
    expect(finalState(output).places['vt']).toEqual({ free: 0, status: 'closed' });
  });

  it.each([
    ['2026-02-03T19:00', '2026-02-04', 'published'],
    ['2026-02-03T11:00', '2026-02-05', 'waiting'],
  ])('R-KG-08: a general place reported %s starting %s is %s after its bulletin', (at, startDate, status) => {
    const output = run([
      ['2026-02-02T09:00', kindergarten('k1')],
      [at, place('v1', 'k1', 1, { startDate })],
      ['2026-02-04T18:30', tick],
    ]);
    expect(finalState(output).places['v1']?.status).toBe(status);
  });

  it('R-WIN-01 (A-28): revocations of published places are in that day’s revoked-places bulletin', () => {
    const { world } = simulate(
      scenario(
        base(1, 2, [
          ['2026-02-04T07:05', claim('r1', 'a1', 'v1')],
          ['2026-02-06T10:00', { do: 'revoke', place: 'v1', count: 2, reason: 'quarantine' }],
          ['2026-02-06T18:00', tick],
        ]),
      ),
    );
    const revoked = world.revokedBulletins.filter((bulletin) => bulletin.entries.length > 0);
    expect(revoked).toHaveLength(1);
    expect(revoked[0]?.entries).toEqual([
      expect.objectContaining({
        place: 'v1',
        units: [1, 0],
        reason: 'quarantine',
        cancelledReferrals: ['r1'],
      }),
    ]);
    // Daily bulletins from 2 Feb, empty ones too (R-WIN-02); the revoked units never return (R-WIN-08).
    expect(world.bulletins.map((bulletin) => bulletin.entries.length)).toEqual([0, 2, 0, 0, 0]);
  });
});
