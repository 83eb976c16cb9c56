import type { SubmitApplication } from '@kezek/contracts';
import type { DbHandle } from '@kezek/db';
import { openTestDb } from '@kezek/db/testing';
import { instantAt, localDate, makeIin, timeOfDay } from '@kezek/domain';
import type { Actor } from '../../../platform/actor';
import { manualClock } from '../../../platform/clock';
import type { JobDefinition } from '../../../platform/jobs/job';
import { runDueJobs } from '../../../platform/jobs/run-due-jobs';
import { formatNational } from '../../../platform/national-time';
import { DEFAULT_RULES } from '../../../platform/rules';
import { transactor } from '../../../platform/transactor';
import { devChildIin, DevIndividualsRegistry } from '../../../ports/individuals-port';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../../testing/auth-fixtures.repository';
import { silentLog } from '../../../testing/test-app';
import { auditRepository } from '../../audit/audit.repository';
import { outboxNotify } from '../application-notice';
import type { ChangeDeps } from '../application-change';
import { applicationsRepository } from '../applications.repository';
import { submitApplication } from '../submit-application';
import type { ApplicationJobDeps } from './application-job';

/** 00:00 national time of a date: the slot of the daily jobs. */
export const midnight = (date: string): Date => new Date(instantAt(localDate(date), timeOfDay('00:00')));
/** 10:00 national time of a date: office hours, for submissions. */
export const morning = (date: string): Date => new Date(instantAt(localDate(date), timeOfDay('10:00')));

export const CLERK: Actor = {
  kind: 'staff',
  userId: 'clerk-1',
  role: 'clerk',
  districtKato: FIXTURE_TERRITORY.district1,
  kindergartenId: null,
};

export type JobWorld = {
  handle: DbHandle;
  jobDeps: ApplicationJobDeps;
  changeDeps: ChangeDeps;
  /** Applies on the portal at `at` for a new child born on `birthDate`; the application's ID. */
  submit: (
    birthDate: string,
    at: Date,
    form?: Partial<Omit<SubmitApplication, 'child'>>,
    needs?: { sen: boolean; pmpcConclusion: boolean },
  ) => Promise<string>;
  application: (id: string) => ReturnType<ReturnType<typeof applicationsRepository>['byId']>;
  /** What a job left about one application: its queue events, audit actions and outbox templates. */
  traces: (id: string) => Promise<{ events: string[]; audit: string[]; outbox: string[] }>;
  /** Runs every slot of `jobs` due by `now`, as the job loop does. */
  runDue: (jobs: readonly JobDefinition[], now: Date) => ReturnType<typeof runDueJobs>;
  close: () => Promise<void>;
};

/** A test database with the fixture territory and the use cases the daily jobs' tests set the scene with. */
export async function openJobWorld(): Promise<JobWorld> {
  const handle = await openTestDb();
  const db = handle.db;
  await ensureFixtureTerritory(db, new Date('2024-01-01T00:00:00Z'));
  const bind = (trx: typeof db) => ({
    applications: applicationsRepository(trx),
    audit: auditRepository(trx),
    notify: outboxNotify(trx),
  });
  const changeDeps: ChangeDeps = { transaction: transactor(db, bind), format: formatNational };
  const submitDeps = {
    ...changeDeps,
    individuals: new DevIndividualsRegistry(manualClock(new Date('2026-01-01T00:00:00Z')), silentLog, {
      latencyMs: [0, 0],
    }),
    rules: DEFAULT_RULES,
  };
  let serial = 500;
  return {
    handle,
    jobDeps: { db, rules: DEFAULT_RULES, log: silentLog },
    changeDeps,
    submit: async (birthDate, at, form = {}, needs = { sen: false, pmpcConclusion: false }) => {
      serial += 1;
      const parentIin = makeIin(localDate('1990-05-05'), 'female', serial);
      const actor: Actor = { kind: 'applicant', applicantId: 'new', iin: parentIin };
      const { receipt } = await submitApplication(
        submitDeps,
        actor,
        {
          channel: 'portal',
          child: { iin: devChildIin(parentIin, localDate(birthDate), 'male'), ...needs },
          settlement: FIXTURE_TERRITORY.settlement1,
          queue: 'general',
          categories: [],
          smsNumbers: ['+77012345678'],
          language: 'kk',
          consent: true,
          ...form,
        },
        at,
        undefined,
      );
      return receipt.id;
    },
    application: (id) => applicationsRepository(db).byId(id),
    traces: async (id) => {
      const [events, audit, outbox] = await Promise.all([
        db.selectFrom('queue_events').select('kind').where('application_id', '=', id).orderBy('id').execute(),
        db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute(),
        db.selectFrom('outbox').select('template').where('application_id', '=', id).orderBy('id').execute(),
      ]);
      return {
        events: events.map((e) => e.kind),
        audit: audit.map((a) => a.action),
        outbox: outbox.map((o) => o.template),
      };
    },
    runDue: (jobs, now) => runDueJobs(db, jobs, now, 'test-owner'),
    close: () => handle.close(),
  };
}
