import { describe, expect, it } from 'vitest';
import { KZ_WORKING_DAY_CALENDAR } from '../calendar/kz-calendar';
import { DEFAULT_POLICY } from '../policy/policy';
import { formatInstant, instant } from '../time/instant';
import { localDate } from '../time/local-date';
import { timeOfDay } from '../time/time-of-day';
import type { Application } from './application';
import { checkClaimant, checkMatch, chooseUnit } from './claim';
import { publishPlace, reportPlace, reserveUnit, type Place } from './place';
import { earliestJob, nextBulletinAt, nextDailyAt } from './schedule';
import {
  firstWhoCanClaim,
  hasWindowAccess,
  openWindow,
  windowClosing,
  windowOpeningAfter,
  windowPhase,
  type AllocationWindow,
} from './window';

const calendar = KZ_WORKING_DAY_CALENDAR;
const policy = DEFAULT_POLICY;
const fmt = formatInstant;

const pending: AllocationWindow = {
  key: '751110000/2022/general',
  bulletins: [1],
  units: 2,
  publishedAt: instant('2026-02-03T18:00'),
  allState: true,
  access: [],
};
const opened = openWindow(pending, instant('2026-02-04T07:00'), ['o1', 'o2'], policy, calendar);

describe('window timing (R-WIN-03, R-WIN-05, R-SYS-05, R-SYS-01)', () => {
  it.each([
    ['2026-02-03T18:00', true, '2026-02-04T07:00:00+05:00'],
    ['2026-02-06T18:00', true, '2026-02-07T07:00:00+05:00'],
    ['2026-02-06T18:00', false, '2026-02-09T07:00:00+05:00'],
    ['2026-02-04T06:59', true, '2026-02-04T07:00:00+05:00'],
    ['2026-02-04T07:00', true, '2026-02-05T07:00:00+05:00'],
  ])(
    'R-WIN-03, R-SYS-01 (A-16): after %s (every calendar day %s) the window opens %s',
    (after, everyDay, expected) => {
      const opens = windowOpeningAfter(
        instant(after),
        { ...policy, windowEveryCalendarDay: everyDay },
        calendar,
      );
      expect(fmt(opens)).toBe(expected);
    },
  );

  it('R-SYS-05: the opening time is the policy’s (changeable, at most 23:59)', () => {
    const late = { ...policy, windowOpens: timeOfDay('23:59') };
    expect(fmt(windowOpeningAfter(instant('2026-02-03T18:00'), late, calendar))).toBe(
      '2026-02-03T23:59:00+05:00',
    );
  });

  it.each([
    ['2026-02-04T07:00', '2026-02-09T07:00:00+05:00'],
    ['2026-02-07T07:00', '2026-02-11T07:00:00+05:00'],
    ['2026-03-18T07:00', '2026-03-26T07:00:00+05:00'],
  ])('R-WIN-05: a window opened %s closes %s (3rd working day, Nauryz skipped)', (opens, closes) => {
    expect(fmt(windowClosing(instant(opens), policy, calendar))).toBe(closes);
  });

  it('R-WIN-03, R-WIN-07, R-SYS-11: none before opening, priority until the close, leftover from it on', () => {
    expect(windowPhase(pending, instant('2026-02-04T06:59'))).toBe('none');
    expect(windowPhase(opened, instant('2026-02-04T07:00'))).toBe('priority');
    expect(windowPhase(opened, instant('2026-02-09T06:59:59'))).toBe('priority');
    expect(windowPhase(opened, instant('2026-02-09T07:00'))).toBe('leftover');
  });
});

describe('window access sets (R-WIN-04, R-WIN-06, R-WIN-07)', () => {
  it('R-WIN-04 (A-02): the first N_k that can claim, skipping the others, frozen', () => {
    const order = ['o1', 'x', 'o2', 'g1'];
    expect(firstWhoCanClaim(order, 2, (id) => id !== 'x')).toEqual(['o1', 'o2']);
    expect(firstWhoCanClaim(order, 9, () => true)).toEqual(order);
  });

  it.each<[string, string, number | undefined, number, boolean]>([
    ['2026-02-04T07:30', 'o1', 1, 1000, true],
    ['2026-02-04T07:30', 'g1', 3, 1000, false],
    ['2026-02-09T07:05', 'g1', 3, 1000, true],
    ['2026-02-09T07:05', 'g1', 3, 2, false],
    ['2026-02-09T07:05', 'gone', undefined, 1000, false],
    ['2026-02-04T06:00', 'o1', 1, 1000, false],
  ])(
    'R-WIN-06, R-WIN-07, R-SYS-11: at %s %s (position %s, leftoverFirstN %i) → %s',
    (at, id, position, n, access) => {
      const window = at < '2026-02-04T07:00' ? pending : opened;
      expect(hasWindowAccess(window, id, instant(at), position, { ...policy, leftoverFirstN: n })).toBe(
        access,
      );
    },
  );
});

const application = (extra: Partial<Application> = {}): Application => ({
  id: 'a1',
  child: { id: 'c1', birthDate: localDate('2022-05-05'), sen: false, pmpcConclusion: false },
  applicant: 'p1',
  settlement: '751110000',
  queue: 'general',
  categories: [],
  submittedAt: instant('2026-02-02T10:00'),
  registrationSeq: 1,
  status: 'queued',
  interestFrom: localDate('2026-02-02'),
  everQueued: true,
  privilegeUsed: false,
  ...extra,
});

const place = (extra: Partial<Place> = {}): Place =>
  publishPlace(
    {
      ...reportPlace(
        {
          id: 'v1',
          kindergarten: 'k1',
          settlement: '751110000',
          ownership: 'state',
          age: 4,
          queue: 'general',
          mode: 'full',
          admission: 'general',
          count: 2,
        },
        instant('2026-02-03T11:00'),
      ),
      ...extra,
    },
    1,
    instant('2026-02-03T18:00'),
  );

describe('claims (R-APPL-04, R-REF-01, R-REF-02, R-WIN-09, R-WIN-10)', () => {
  it.each<[string, Partial<Application>, Partial<Place>, string | undefined]>([
    ['same settlement, birth year, queue', {}, {}, undefined],
    [
      'another birth year',
      { child: { id: 'c1', birthDate: localDate('2021-05-05'), sen: false, pmpcConclusion: false } },
      {},
      'AGE_MISMATCH',
    ],
    ['another settlement', { settlement: '751210000' }, {}, 'QUEUE_MISMATCH'],
    ['general child, special place', {}, { queue: 'special:speech' }, 'QUEUE_MISMATCH'],
    [
      'special queue by the same mechanism (A-15)',
      { queue: 'special:speech' },
      { queue: 'special:speech' },
      undefined,
    ],
    [
      'sanatorium queue by profile',
      { queue: 'sanatorium:tb' },
      { queue: 'sanatorium:other' },
      'QUEUE_MISMATCH',
    ],
  ])('R-WIN-09, R-REF-01, R-REF-02: %s → %s', (_name, app, unit, code) => {
    expect(checkMatch(application(app), place(unit))?.code).toBe(code);
  });

  it('R-WIN-03: a place not yet in a bulletin cannot be claimed', () => {
    const reported = reportPlace(
      {
        id: 'v9',
        kindergarten: 'k1',
        settlement: '751110000',
        ownership: 'state',
        age: 4,
        queue: 'general',
        mode: 'full',
        admission: 'general',
        count: 1,
      },
      instant('2026-02-03T11:00'),
    );
    expect(checkMatch(application(), reported)).toMatchObject({ code: 'NO_ACCESS', rule: 'R-WIN-03' });
  });

  it.each([
    ['queued', false, undefined],
    ['queued', true, 'R-REF-11'],
    ['referred', false, 'R-REF-11'],
    ['stopped', false, 'R-SYS-12'],
    ['pending', false, 'R-APPL-04'],
    ['archived', false, 'R-APPL-04'],
  ] as const)('R-APPL-04: a %s application (child with live referral %s) → %s', (status, live, rule) => {
    expect(checkClaimant(application({ status }), live)?.rule).toBe(rule);
  });

  it('R-WIN-10: the first free unit with access; none free → NO_FREE_UNIT; free but closed → NO_ACCESS of the phase', () => {
    const open = () => ({ phase: 'priority' as const, access: true });
    const closed = () => ({ phase: 'leftover' as const, access: false });
    expect(chooseUnit(place(), open)).toBe(0);
    expect(chooseUnit(reserveUnit(place(), 0, 'r1'), open)).toBe(1);
    expect(chooseUnit(reserveUnit(reserveUnit(place(), 0, 'r1'), 1, 'r2'), open)).toMatchObject({
      code: 'NO_FREE_UNIT',
      rule: 'R-WIN-10',
    });
    expect(chooseUnit(place(), closed)).toMatchObject({ code: 'NO_ACCESS', rule: 'R-WIN-07' });
  });
});

describe('scheduled jobs (R-TIME-07, R-SYS-04)', () => {
  it('R-TIME-07: jobs due at the same instant run daily → window opening → bulletin', () => {
    const at = instant('2026-02-04T07:00');
    expect(
      earliestJob([
        { kind: 'bulletin', at },
        { kind: 'windowOpen', at },
        { kind: 'daily', at },
      ])?.kind,
    ).toBe('daily');
    expect(
      earliestJob([
        { kind: 'bulletin', at },
        { kind: 'windowOpen', at },
      ])?.kind,
    ).toBe('windowOpen');
    expect(earliestJob([])).toBeUndefined();
  });

  it('R-SYS-04: one bulletin a day at bulletinTime; a changed time applies from the next one (G-12)', () => {
    expect(fmt(nextBulletinAt(instant('2026-02-03T17:59'), undefined, policy))).toBe(
      '2026-02-03T18:00:00+05:00',
    );
    expect(fmt(nextBulletinAt(instant('2026-02-03T18:00'), undefined, policy))).toBe(
      '2026-02-04T18:00:00+05:00',
    );
    const later = { ...policy, bulletinTime: timeOfDay('20:00') };
    expect(fmt(nextBulletinAt(instant('2026-02-03T19:00'), localDate('2026-02-03'), later))).toBe(
      '2026-02-04T20:00:00+05:00',
    );
  });

  it('R-TIME-07: the daily job is the first local midnight strictly after now', () => {
    expect(fmt(nextDailyAt(instant('2026-02-03T23:59')))).toBe('2026-02-04T00:00:00+05:00');
    expect(fmt(nextDailyAt(instant('2026-02-04T00:00')))).toBe('2026-02-05T00:00:00+05:00');
  });
});
