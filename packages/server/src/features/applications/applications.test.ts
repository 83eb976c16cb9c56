import type { SubmitApplication } from '@kezek/contracts';
import type { DbHandle } from '@kezek/db';
import { openTestDb } from '@kezek/db/testing';
import { localDate, makeIin, ok } from '@kezek/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { formatNational } from '../../platform/national-time';
import { DEFAULT_RULES } from '../../platform/rules';
import { transactor } from '../../platform/transactor';
import { manualClock } from '../../platform/clock';
import { devChildIin, DevIndividualsRegistry, type IndividualsPort } from '../../ports/individuals-port';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { silentLog } from '../../testing/test-app';
import { auditRepository } from '../audit/audit.repository';
import { outboxNotify, type ApplicationNotice, type NoticeRecipients } from './application-notice';
import { applicationsRepository } from './applications.repository';
import { changeCategories } from './change-categories';
import { getPosition } from './get-position';
import { modifyApplication } from './modify-application';
import { getPositionHistory } from './get-position-history';
import { createQueueCache } from './queue-cache';
import { setStopList } from './set-stop-list';
import { submitApplication } from './submit-application';
import { verifyApplication } from './verify-application';
import { withdrawApplication } from './withdraw-application';

let handle: DbHandle;
let notices: ApplicationNotice[];
let failAfterWrite = false;
const NOW = new Date('2026-02-02T05:00:00Z'); // Monday 10:00 national time
const SETTLEMENT = FIXTURE_TERRITORY.settlement1;

const registry = new DevIndividualsRegistry(manualClock(NOW), silentLog, { latencyMs: [0, 0] });
/** Family ties are not what most tests here are about: every applicant is the child's parent (R-ELIG-11 below). */
const everyoneAParent: IndividualsPort = {
  lookup: (iin) => registry.lookup(iin),
  childrenOf: (iin) => registry.childrenOf(iin),
  isParentOf: () => Promise.resolve(ok(true)),
};

const deps = (individuals: IndividualsPort = everyoneAParent) => ({
  transaction: transactor(handle.db, (trx) => ({
    applications: applicationsRepository(trx),
    audit: auditRepository(trx),
    notify: async (notice: ApplicationNotice, to: NoticeRecipients) => {
      await outboxNotify(trx)(notice, to);
      if (failAfterWrite) throw new Error('injected failure after the first writes');
      notices.push(notice);
    },
  })),
  individuals,
  rules: DEFAULT_RULES,
  format: formatNational,
  applications: applicationsRepository(handle.db),
  queues,
});
const queues = createQueueCache();

const parentIin = (n: number) => makeIin(localDate('1990-05-05'), 'female', n);
/** Before their first application a parent has no record: the portal knows them by IIN only. */
const parent = (n: number): Actor => ({
  kind: 'applicant',
  applicantId: 'not-yet-registered',
  iin: parentIin(n),
});
/** Once registered, the session carries their applicant ID. */
async function owner(n: number): Promise<Actor> {
  const row = await applicationsRepository(handle.db).applicantByIin(parentIin(n));
  if (row === undefined) throw new Error(`parent ${n} has not applied`);
  return { kind: 'applicant', applicantId: row.id, iin: row.iin };
}
const clerk: Actor = {
  kind: 'staff',
  userId: 'clerk-1',
  role: 'clerk',
  districtKato: FIXTURE_TERRITORY.district1,
  kindergartenId: null,
};
const otherClerk: Actor = { ...clerk, userId: 'clerk-2', districtKato: FIXTURE_TERRITORY.district2 };

let serial = 100;
const childIin = (birth = '2022-04-10') => makeIin(localDate(birth), 'male', (serial += 1));

const form = (overrides: Partial<SubmitApplication> = {}): SubmitApplication => ({
  channel: 'portal',
  child: { iin: childIin(), sen: false, pmpcConclusion: false },
  settlement: SETTLEMENT,
  queue: 'general',
  categories: [],
  smsNumbers: ['+77012345678'],
  language: 'kk',
  consent: true,
  ...overrides,
});

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  handle = await openTestDb();
  await ensureFixtureTerritory(handle.db, NOW);
});
afterAll(() => handle.close());
beforeEach(() => {
  notices = [];
  failAfterWrite = false;
});

describe('submit (service S1)', () => {
  it('R-ELIG-13, R-ORDER-01: a general application with nothing to verify is queued at once, with a receipt and a notice', async () => {
    const { receipt, created } = await submitApplication(deps(), parent(1), form(), NOW, undefined);
    expect(created).toBe(true);
    expect(receipt).toMatchObject({
      status: 'queued',
      queueKey: `${SETTLEMENT}/2022/general`,
      submittedAt: '2026-02-02T10:00:00+05:00',
    });
    expect(receipt.position).toBeGreaterThanOrEqual(1);
    expect(notices.map((n) => n.event)).toEqual(['queued']);
  });

  it('R-ELIG-10, R-TIME-05: the 30-minute check runs in office working time', async () => {
    const friday = new Date('2026-02-06T13:15:00Z'); // Friday 18:15 national time: 15 office minutes left
    const { receipt } = await submitApplication(
      deps(),
      parent(43),
      form({ categories: ['teacher'] }),
      friday,
      undefined,
    );
    const stored = await applicationsRepository(handle.db).byId(receipt.id);
    expect(stored === undefined ? undefined : formatNational(stored.check_due_at)).toBe(
      '2026-02-09T09:15:00+05:00',
    );
  });

  it('R-ELIG-12, R-ELIG-14: a privilege needing originals waits, with the 5-working-day deadline', async () => {
    const { receipt } = await submitApplication(
      deps(),
      parent(2),
      form({ categories: ['teacher'] }),
      NOW,
      undefined,
    );
    expect(receipt.status).toBe('pending');
    expect(receipt.position).toBeNull();
    expect(receipt.originalsDueAt).toBe('2026-02-09T23:59:59.999+05:00');
  });

  it('returns the first receipt for a retried request with the same idempotency key', async () => {
    const first = await submitApplication(deps(), parent(3), form(), NOW, 'retry-key-0001');
    const again = await submitApplication(deps(), parent(3), form(), minutes(1), 'retry-key-0001');
    expect(again.created).toBe(false);
    expect(again.receipt).toEqual(first.receipt);
  });

  it.each<[string, Partial<SubmitApplication>, string]>([
    [
      'R-ELIG-03: too old on 1 September',
      { child: { iin: makeIin(localDate('2019-11-20'), 'female', 500), sen: false, pmpcConclusion: false } },
      'R-ELIG-03',
    ],
    ['R-CAT-04: an unknown category', { categories: ['vip'] }, 'R-CAT-04'],
    [
      'R-ELIG-22: a birth date the IIN contradicts',
      {
        child: {
          iin: makeIin(localDate('2022-04-10'), 'male', 501),
          birthDate: '2022-04-11',
          sen: false,
          pmpcConclusion: false,
        },
      },
      'R-ELIG-22',
    ],
  ])('%s → 422 naming the rule, nothing written', async (_name, overrides, rule) => {
    const before = await handle.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const error = await refusalOf(submitApplication(deps(), parent(4), form(overrides), NOW, undefined));
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', rule });
    const after = await handle.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('R-QUEUE-06: a second live general application for the same child is a duplicate', async () => {
    const child = childIin();
    await submitApplication(
      deps(),
      parent(5),
      form({ child: { iin: child, sen: false, pmpcConclusion: false } }),
      NOW,
      undefined,
    );
    const error = await refusalOf(
      submitApplication(
        deps(),
        parent(5),
        form({ child: { iin: child, sen: false, pmpcConclusion: false } }),
        minutes(5),
        undefined,
      ),
    );
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-QUEUE-06' });
  });

  it('R-QUEUE-05: a SEN child with a PMPC conclusion may be in the general and a special queue at once', async () => {
    const child = { iin: childIin(), sen: true, pmpcConclusion: true };
    const general = await submitApplication(
      deps(),
      parent(15),
      form({ child, categories: ['sen'] }),
      NOW,
      undefined,
    );
    const special = await submitApplication(
      deps(),
      parent(15),
      form({ child, queue: 'special:speech' }),
      minutes(2),
      undefined,
    );
    expect([general.receipt.queueKey, special.receipt.queueKey]).toEqual([
      `${SETTLEMENT}/2022/general`,
      `${SETTLEMENT}/2022/special:speech`,
    ]);
    // §13 ¶2, R-ELIG-14: the PMPC conclusion is checked in the original, so both wait for the clerk.
    expect([general.receipt.status, special.receipt.status]).toEqual(['pending', 'pending']);
  });

  it('R-ELIG-14: a child declared as having special needs waits for the PMPC original, even in the general queue', async () => {
    const child = { iin: childIin(), sen: true, pmpcConclusion: true };
    const { receipt } = await submitApplication(deps(), parent(19), form({ child }), NOW, undefined);
    expect(receipt.status).toBe('pending');
  });

  it('R-QUEUE-05: a child without special needs may not join a second queue', async () => {
    const child = { iin: childIin(), sen: false, pmpcConclusion: false };
    await submitApplication(deps(), parent(16), form({ child }), NOW, undefined);
    const error = await refusalOf(
      submitApplication(deps(), parent(16), form({ child, queue: 'special:speech' }), minutes(1), undefined),
    );
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R-QUEUE-05' });
  });

  it('R-ELIG-07: an IIN the individuals database does not know is refused', async () => {
    const unknown = makeIin(localDate('2022-04-10'), 'male', 9999);
    const error = await refusalOf(
      submitApplication(
        deps(),
        parent(6),
        form({ child: { iin: unknown, sen: false, pmpcConclusion: false } }),
        NOW,
        undefined,
      ),
    );
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', field: 'child.iin', rule: 'R-ELIG-07' });
  });

  it("R-ELIG-11: the portal takes a child the individuals database records as the applicant's", async () => {
    const child = {
      iin: devChildIin(parentIin(40), localDate('2022-05-05'), 'female'),
      sen: false,
      pmpcConclusion: false,
    };
    const { receipt } = await submitApplication(deps(registry), parent(40), form({ child }), NOW, undefined);
    expect(receipt.status).toBe('queued');
  });

  it("R-ELIG-11: the portal refuses a child not recorded as the applicant's, and writes nothing", async () => {
    const child = { iin: childIin(), sen: false, pmpcConclusion: false };
    const error = await refusalOf(
      submitApplication(deps(registry), parent(41), form({ child }), NOW, undefined),
    );
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', field: 'child.iin', rule: 'R-ELIG-11' });
    expect(error.message).toMatch(/legal representative/);
    expect(await applicationsRepository(handle.db).applicantByIin(parentIin(41))).toBeUndefined();
    expect(await applicationsRepository(handle.db).childByIin(child.iin)).toBeUndefined();
  });

  it('R-ELIG-11: at an office a representative waits for the clerk to see the document; confirming clears it', async () => {
    const child = { iin: childIin(), sen: false, pmpcConclusion: false };
    const { receipt } = await submitApplication(
      deps(registry),
      clerk,
      form({ channel: 'office', applicantIin: parentIin(42), child }),
      NOW,
      undefined,
    );
    expect(receipt).toMatchObject({ status: 'pending', position: null });
    const stored = await applicationsRepository(handle.db).byId(receipt.id);
    expect(stored?.representation_to_verify).toBe(true);
    const view = await verifyApplication(
      deps(),
      clerk,
      receipt.id,
      { result: 'confirmed', version: 1 },
      minutes(5),
    );
    expect(view).toMatchObject({ status: 'queued', representationToVerify: false });
  });

  it('R-APPL-02, R-NOTIF-01: new contacts take effect and the previous ones are told of the change', async () => {
    const { receipt } = await submitApplication(deps(), parent(44), form(), NOW, undefined);
    const view = await modifyApplication(
      deps(),
      await owner(44),
      receipt.id,
      { version: 1, smsNumbers: ['+77017654321'], email: 'new@example.kz' },
      minutes(1),
    );
    expect(view).toMatchObject({ smsNumbers: ['+77017654321'], email: 'new@example.kz', version: 2 });
    const told = await handle.db
      .selectFrom('outbox')
      .select(['recipient', 'template'])
      .where('application_id', '=', receipt.id)
      .where('template', '=', 'applicationChanged')
      .orderBy('recipient')
      .execute();
    expect(told.map((row) => row.recipient)).toEqual(['+77012345678', '+77017654321', 'new@example.kz']);
  });

  it('a failure after the first writes leaves nothing behind (one transaction)', async () => {
    const count = async (
      table: 'applications' | 'applicants' | 'children' | 'audit_log' | 'queue_events' | 'outbox',
    ) =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = ['applications', 'applicants', 'children', 'audit_log', 'queue_events', 'outbox'] as const;
    const before = await Promise.all(tables.map(count));
    failAfterWrite = true;
    await expect(submitApplication(deps(), parent(7), form(), NOW, 'will-fail-0001')).rejects.toThrow(
      'injected failure',
    );
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});

describe('verification, categories, stop list, withdrawal', () => {
  it('R-ELIG-13, R-CAT-03: the clerk confirms; only confirmed categories count', async () => {
    const { receipt } = await submitApplication(
      deps(),
      parent(8),
      form({ categories: ['teacher', 'largeFamily'] }),
      NOW,
      undefined,
    );
    const view = await verifyApplication(
      deps(),
      clerk,
      receipt.id,
      { result: 'confirmed', version: 1, confirmedCategories: ['largeFamily'] },
      minutes(20),
    );
    expect(view).toMatchObject({
      status: 'queued',
      categories: ['largeFamily'],
      pendingCategories: [],
      group: 'P',
    });
    expect(view.position).toBeGreaterThanOrEqual(1);
  });

  it('R-CAT-03: a verification made on an older version is refused (the claim changed meanwhile)', async () => {
    const { receipt } = await submitApplication(
      deps(),
      parent(17),
      form({ categories: ['teacher'] }),
      NOW,
      undefined,
    );
    await changeCategories(
      deps(),
      await owner(17),
      receipt.id,
      { version: 1, categories: ['military'] },
      minutes(5),
    );
    const stale = await refusalOf(
      verifyApplication(deps(), clerk, receipt.id, { result: 'confirmed', version: 1 }, minutes(6)),
    );
    expect(stale.code).toBe('PRECONDITION_FAILED');
  });

  it('R-CAT-03: categories a clerk confirmed before the verification stay confirmed', async () => {
    const { receipt } = await submitApplication(
      deps(),
      parent(18),
      form({ categories: ['teacher'] }),
      NOW,
      undefined,
    );
    const byClerk = await changeCategories(
      deps(),
      clerk,
      receipt.id,
      { version: 1, categories: ['military'] },
      minutes(5),
    );
    const view = await verifyApplication(
      deps(),
      clerk,
      receipt.id,
      { result: 'confirmed', version: byClerk.version },
      minutes(6),
    );
    expect(view).toMatchObject({ status: 'queued', categories: ['military'], group: 'O' });
  });

  it('a clerk of another district cannot see the application: 404, as if it did not exist', async () => {
    const { receipt } = await submitApplication(
      deps(),
      parent(9),
      form({ categories: ['teacher'] }),
      NOW,
      undefined,
    );
    const error = await refusalOf(
      verifyApplication(deps(), otherClerk, receipt.id, { result: 'confirmed', version: 1 }, minutes(10)),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('another applicant cannot withdraw it: 404', async () => {
    const { receipt } = await submitApplication(deps(), parent(10), form(), NOW, undefined);
    const error = await refusalOf(
      withdrawApplication(deps(), await owner(8), receipt.id, { version: 1 }, minutes(1)),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('R-APPL-03: withdrawal is final; a stale version is refused', async () => {
    const { receipt } = await submitApplication(deps(), parent(12), form(), NOW, undefined);
    const stale = await refusalOf(
      withdrawApplication(deps(), await owner(12), receipt.id, { version: 7 }, minutes(1)),
    );
    expect(stale.code).toBe('PRECONDITION_FAILED');
    const view = await withdrawApplication(deps(), await owner(12), receipt.id, { version: 1 }, minutes(2));
    expect(view).toMatchObject({ status: 'withdrawn', position: null });
    const again = await refusalOf(
      withdrawApplication(deps(), await owner(12), receipt.id, { version: view.version }, minutes(3)),
    );
    expect(again.code).toBe('CONFLICT');
  });

  it('R-SYS-12: the stop list takes the application out of the queue and back at its place (R-ORDER-10)', async () => {
    const { receipt } = await submitApplication(deps(), parent(13), form(), NOW, undefined);
    const stopped = await setStopList(
      deps(),
      clerk,
      receipt.id,
      { on: true, reason: 'documents under review' },
      minutes(1),
    );
    expect(stopped).toMatchObject({
      status: 'stopped',
      position: null,
      statusReason: 'documents under review',
    });
    const back = await setStopList(deps(), clerk, receipt.id, { on: false }, minutes(2));
    expect(back.status).toBe('queued');
    expect(back.position).toBe(receipt.position);
    const applicantTry = await refusalOf(
      setStopList(deps(), await owner(13), receipt.id, { on: true, reason: 'nope' }, minutes(3)),
    );
    expect(applicantTry.code).toBe('FORBIDDEN');
  });

  it('R-ORDER-07: an applicant-claimed category waits for confirmation; a removed one counts at once', async () => {
    const { receipt } = await submitApplication(deps(), parent(14), form(), NOW, undefined);
    const claimed = await changeCategories(
      deps(),
      await owner(14),
      receipt.id,
      { version: 1, categories: ['largeFamily'] },
      minutes(1),
    );
    expect(claimed).toMatchObject({ categories: [], pendingCategories: ['largeFamily'], group: 'G' });
    const confirmed = await changeCategories(
      deps(),
      clerk,
      receipt.id,
      { version: claimed.version, categories: ['largeFamily'] },
      minutes(2),
    );
    expect(confirmed).toMatchObject({ categories: ['largeFamily'], group: 'P' });
    const dropped = await changeCategories(
      deps(),
      await owner(14),
      receipt.id,
      { version: confirmed.version, categories: [] },
      minutes(3),
    );
    expect(dropped).toMatchObject({ categories: [], group: 'G' });
  });
});

describe('position and why it changed', () => {
  it('R-ORDER-02: an out-of-turn application registered ahead is explained in the history', async () => {
    const birth = '2023-06-01';
    const mine = await submitApplication(
      deps(),
      parent(20),
      form({ child: { iin: childIin(birth), sen: false, pmpcConclusion: false } }),
      NOW,
      undefined,
    );
    await submitApplication(
      deps(),
      parent(21),
      form({ child: { iin: childIin(birth), sen: false, pmpcConclusion: false } }),
      minutes(1),
      undefined,
    );
    const start = await getPosition(deps(), await owner(20), mine.receipt.id);
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    await submitApplication(
      deps(),
      parent(22),
      form({
        child: { iin: childIin(birth), sen: false, pmpcConclusion: false },
        categories: ['largeFamily'],
      }),
      nextDay,
      undefined,
    );
    const military = await submitApplication(
      deps(),
      parent(23),
      form({ child: { iin: childIin(birth), sen: false, pmpcConclusion: false }, categories: ['military'] }),
      nextDay,
      undefined,
    );
    await verifyApplication(
      deps(),
      clerk,
      military.receipt.id,
      { result: 'confirmed', version: 1 },
      new Date(nextDay.getTime() + 600_000),
    );
    const later = await getPosition(deps(), await owner(20), mine.receipt.id);
    expect(later.position).toBe((start.position ?? 0) + 1);
    expect(later.aheadByGroup.O).toBe(1);
    const history = await getPositionHistory(deps(), await owner(20), mine.receipt.id);
    expect(history.changes[0]).toMatchObject({
      kind: 'outOfTurnAhead',
      count: 1,
      rule: 'R-ORDER-02',
      positionBefore: start.position,
      positionAfter: later.position,
    });
  });
});

describe('concurrent submissions for one child', () => {
  it('R-QUEUE-06: exactly one of two simultaneous applications wins; the other is refused, never a 500', async () => {
    const child = { iin: childIin('2022-07-07'), sen: false, pmpcConclusion: false };
    const results = await Promise.allSettled([
      submitApplication(deps(), parent(30), form({ child }), NOW, undefined),
      submitApplication(deps(), parent(31), form({ child }), NOW, undefined),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'R-QUEUE-06',
    });
  });
});
