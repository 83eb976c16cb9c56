import { describe, expect, it } from 'vitest';
import { KZ_WORKING_DAY_CALENDAR } from '../calendar/kz-calendar';
import type { CategoryCode } from '../categories/categories';
import { DEFAULT_POLICY } from '../policy/policy';
import { instant } from '../time/instant';
import { localDate } from '../time/local-date';
import {
  APPLICATION_STATUSES,
  applicationGroup,
  changeCategories,
  confirmInterest,
  enrollApplication,
  missOriginalsDeadline,
  originalsDeadline,
  referApplication,
  returnToQueue,
  setStopList,
  verifyApplication,
  withdrawApplication,
  type Application,
  type ApplicationStatus,
} from './application';
import { categoriesNeedingOriginals, needsOriginals } from './needs-originals';
import type { Outcome } from './outcome';

const application = (status: ApplicationStatus, extra: Partial<Application> = {}): Application => ({
  id: 'a1',
  child: { id: 'c1', birthDate: localDate('2022-05-05'), sen: false, pmpcConclusion: false },
  applicant: 'p1',
  settlement: '751110000',
  queue: 'general',
  categories: [],
  submittedAt: instant('2026-02-02T10:00'),
  registrationSeq: 1,
  status,
  interestFrom: localDate('2026-02-02'),
  everQueued: status !== 'pending',
  privilegeUsed: false,
  ...extra,
});

const STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES;

type Trigger = { readonly name: string; readonly run: (a: Application) => Outcome<Application> };

/** Spec §5.1 triggers driven by people (the clerk, the applicant, the provider). */
const TRIGGERS: Record<string, Trigger> = {
  verifyConfirmed: { name: 'verify confirmed', run: (a) => verifyApplication(a, 'confirmed') },
  verifyRejected: { name: 'verify rejected', run: (a) => verifyApplication(a, 'rejected', 'unreliableData') },
  deadline: { name: 'originals deadline passes', run: (a) => missOriginalsDeadline(a, DEFAULT_POLICY) },
  withdraw: { name: 'withdraw', run: withdrawApplication },
  stop: { name: 'stop list on', run: (a) => setStopList(a, true, 'violation') },
  lift: { name: 'stop list off', run: (a) => setStopList(a, false) },
  categories: { name: 'categories change', run: (a) => changeCategories(a, ['teacher']) },
  interest: { name: 'confirm interest', run: (a) => confirmInterest(a, localDate('2026-06-01')) },
};

/** from-state × trigger → to-state, or the rule the refusal names (spec §5.1). */
const TABLE: Record<string, Partial<Record<ApplicationStatus, ApplicationStatus | `R-${string}`>>> = {
  verifyConfirmed: { pending: 'queued' },
  verifyRejected: { pending: 'rejected' },
  deadline: { pending: 'rejected' },
  withdraw: { pending: 'withdrawn', queued: 'withdrawn', stopped: 'withdrawn' },
  stop: { queued: 'stopped' },
  lift: { stopped: 'queued' },
  categories: { pending: 'pending', queued: 'queued', stopped: 'stopped', referred: 'referred' },
  interest: { pending: 'pending', queued: 'queued', stopped: 'stopped', referred: 'referred' },
};

const REFUSAL_RULE: Record<string, string> = {
  verifyConfirmed: 'R-ELIG-13',
  verifyRejected: 'R-ELIG-13',
  deadline: 'R-ELIG-15',
  withdraw: 'R-APPL-03',
  stop: 'R-SYS-12',
  lift: 'R-SYS-12',
  categories: 'R-ORDER-07',
  interest: 'R-APPL-08',
};

describe('application state machine (spec §5.1; R-SYS-02: register, refuse, stop list)', () => {
  const cases = Object.entries(TRIGGERS).flatMap(([key, trigger]) =>
    STATUSES.map((from) => [trigger.name, from, TABLE[key]?.[from] ?? REFUSAL_RULE[key] ?? '', key] as const),
  );

  it.each(cases)('%s from %s → %s', (_name, from, expected, key) => {
    const outcome = TRIGGERS[key]?.run(application(from));
    if (outcome === undefined) throw new Error(key);
    if (expected.startsWith('R-')) {
      expect(outcome).toMatchObject({ ok: false, refusal: { code: 'INVALID_STATE', rule: expected } });
      return;
    }
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.status).toBe(expected);
    // R-APPL-07, R-SCOPE-08: every change is an event the notifications are sent from.
    expect(outcome.events).toEqual([expect.objectContaining({ subject: 'a1' })]);
    // R-ELIG-20, R-ORDER-10: no transition touches the submission time or the registration sequence.
    expect(outcome.value.submittedAt).toBe(application(from).submittedAt);
    expect(outcome.value.registrationSeq).toBe(1);
  });

  it('R-ELIG-13: only a confirmed application is registered (a registration for R-ELIG-04)', () => {
    const pending = application('pending');
    expect(pending.everQueued).toBe(false);
    const verified = verifyApplication(pending, 'confirmed');
    expect(verified.ok && verified.value.everQueued).toBe(true);
  });

  it('R-APPL-02, R-ORDER-07: modifying categories re-groups the application and keeps its time', () => {
    const outcome = changeCategories(application('queued'), ['none', 'largeFamily']);
    expect(outcome.ok && outcome.value.categories).toEqual(['largeFamily']);
    expect(outcome.ok && applicationGroup(outcome.value)).toBe('P');
  });

  it('R-APPL-08, R-SYS-13: confirming interest restarts the year from that day', () => {
    const outcome = confirmInterest(application('queued'), localDate('2026-06-01'));
    expect(outcome.ok && outcome.value.interestFrom).toBe('2026-06-01');
  });
});

describe('originals of a pending application (R-ELIG-12, R-ELIG-15)', () => {
  it('R-ELIG-12: the deadline is the 5th working day after the day of applying', () => {
    expect(originalsDeadline(application('pending'), KZ_WORKING_DAY_CALENDAR)).toBe('2026-02-09');
    // Applied on Thu 19 Mar 2026: Fri 20, then Nauryz and its carry-overs (21–25), Thu 26 … Wed 1 Apr.
    const beforeNauryz = application('pending', { submittedAt: instant('2026-03-19T15:00') });
    expect(originalsDeadline(beforeNauryz, KZ_WORKING_DAY_CALENDAR)).toBe('2026-03-31');
  });

  it.each<
    [string, readonly CategoryCode[], Partial<Application>, 'unverifiableOnly' | 'all', string, string[]]
  >([
    ['no category: identity unconfirmed', [], {}, 'unverifiableOnly', 'rejected', []],
    ['state-system category only', ['largeFamily'], {}, 'unverifiableOnly', 'rejected', ['largeFamily']],
    ['teacher certificate', ['teacher', 'largeFamily'], {}, 'unverifiableOnly', 'queued', ['largeFamily']],
    ['military certificate', ['military'], {}, 'unverifiableOnly', 'queued', []],
    ['literal §22: everything needs originals', ['teacher'], {}, 'all', 'rejected', ['teacher']],
    [
      'special queue (PMPC is the queue itself)',
      ['teacher'],
      { queue: 'special:speech' },
      'unverifiableOnly',
      'rejected',
      ['teacher'],
    ],
  ])('R-ELIG-15: %s → %s', (_name, categories, extra, originalsRequired, status, kept) => {
    const outcome = missOriginalsDeadline(application('pending', { categories, ...extra }), {
      originalsRequired,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.status).toBe(status);
    expect(outcome.value.categories).toEqual(kept);
    if (status === 'rejected') expect(outcome.value.statusReason).toBe('ORIGINALS_NOT_PRESENTED');
    else expect(outcome.value.everQueued).toBe(true);
  });

  it('R-ELIG-14: only documents state systems cannot confirm need originals', () => {
    expect(categoriesNeedingOriginals(['military', 'largeFamily', 'teacher', 'orphan', 'sen'])).toEqual([
      'military',
      'teacher',
      'sen',
    ]);
    expect(needsOriginals({ queue: 'general', categories: ['largeFamily'] }, DEFAULT_POLICY)).toBe(false);
    expect(
      needsOriginals({ queue: 'general', categories: [] }, { ...DEFAULT_POLICY, originalsRequired: 'all' }),
    ).toBe(true);
  });

  it('R-ELIG-11: an out-of-turn or teacher right is verified again after the referral', () => {
    expect(needsOriginals({ queue: 'general', categories: ['specialStateBody'] }, DEFAULT_POLICY)).toBe(true);
    expect(needsOriginals({ queue: 'general', categories: ['teacher'] }, DEFAULT_POLICY)).toBe(true);
  });

  it('R-ELIG-19 (A-10): the phthisiatrician conclusion only for sanatorium queues, unless the policy asks it of all', () => {
    expect(needsOriginals({ queue: 'sanatorium:tb', categories: [] }, DEFAULT_POLICY)).toBe(true);
    expect(needsOriginals({ queue: 'general', categories: [] }, DEFAULT_POLICY)).toBe(false);
    expect(
      needsOriginals({ queue: 'general', categories: [] }, { ...DEFAULT_POLICY, phthisiatricianFor: 'all' }),
    ).toBe(true);
  });
});

describe('referral side of the application (R-ORDER-09, R-REF-13, R-ADM-09)', () => {
  it('R-ORDER-09: a permanent referral takes the application out of the queue; R-REF-13: a temporary one keeps it', () => {
    expect(referApplication(application('queued'), 'r1', false).status).toBe('referred');
    const temporary = referApplication(application('queued'), 'r1', true);
    expect(temporary).toMatchObject({ status: 'queued', temporaryReferral: 'r1' });
    expect(returnToQueue(temporary, 'r1', false).temporaryReferral).toBeUndefined();
  });

  it('R-REF-12 (A-14): an ended referral re-queues, or stops when the policy says so', () => {
    expect(returnToQueue(application('referred'), 'r1', false).status).toBe('queued');
    expect(returnToQueue(application('referred'), 'r1', true).status).toBe('stopped');
  });

  it('R-ADM-09: admission enrols; a temporary stay keeps the queue', () => {
    expect(enrollApplication(application('referred'), false).status).toBe('enrolled');
    expect(enrollApplication(application('queued'), true).status).toBe('queued');
  });
});
