import type { KeyObject } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db, DbEngine } from '@kezek/db';
import { adminRepository } from './features/admin/admin.repository';
import { adminRoutes } from './features/admin/admin.routes';
import { auditRepository } from './features/audit/audit.repository';
import { outboxNotify } from './features/applications/application-notice';
import { applicationAuditRepository } from './features/applications/application-audit.repository';
import { applicationRecordsRoutes } from './features/applications/application-records.routes';
import { applicationsRepository } from './features/applications/applications.repository';
import { myNotificationsRepository } from './features/applications/my-notifications.repository';
import { applicationsRoutes } from './features/applications/applications.routes';
import { archiveAgedOutJob } from './features/applications/jobs/archive-aged-out.job';
import { interestDueJob } from './features/applications/jobs/interest-due.job';
import { originalsDeadlineJob } from './features/applications/jobs/originals-deadline.job';
import { createQueueCache } from './features/applications/queue-cache';
import { authRepository, authTransactor } from './features/auth/auth.repository';
import { authRoutes, type PasswordHasher } from './features/auth/auth.routes';
import { purgeSessionsJob } from './features/auth/purge-sessions.job';
import type { CookieSecurity } from './features/auth/session-cookie';
import { healthRepository } from './features/health/health.repository';
import { healthRoutes } from './features/health/health.routes';
import { entityLedgerReceipt } from './features/ledger/get-ledger-receipt';
import { createLedgerDeps } from './features/ledger/ledger-deps';
import { sequenceLedgerJob, signTreeHeadsJob } from './features/ledger/ledger.jobs';
import { ledgerRoutes } from './features/ledger/ledger.routes';
import { devClockRoutes } from './features/dev-clock/dev-clock.routes';
import { devSigningRoutes } from './features/dev-signing/dev-signing.routes';
import { documentsRoutes } from './features/documents/documents.routes';
import { referralsRepository } from './features/referrals/referrals.repository';
import { referralsRoutes } from './features/referrals/referrals.routes';
import { admissionRoutes } from './features/admission/admission.routes';
import { expireReferralsJob } from './features/referrals/expire-referrals.job';
import { endTemporaryStaysJob } from './features/places/end-temporary-stays.job';
import { vacateEarlyBookingsJob } from './features/places/vacate-early-bookings.job';
import { referralTransactor } from './features/referrals/referral-change';
import { deliverOutboxJob } from './features/notifications/deliver-outbox.job';
import { notificationsRepository } from './features/notifications/notifications.repository';
import { offerTransactor } from './features/proactive/offer-repos';
import { pollBirthEventsJob } from './features/proactive/poll-birth-events.job';
import { proactiveRepository } from './features/proactive/proactive.repository';
import { proactiveRoutes } from './features/proactive/proactive.routes';
import { publicRepository } from './features/public/public.repository';
import { staffDeps } from './features/staff/staff-deps';
import { staffRoutes } from './features/staff/staff.routes';
import { publicRoutes } from './features/public/public.routes';
import { bulletinsRepository } from './features/bulletins/bulletins.repository';
import { bulletinsRoutes } from './features/bulletins/bulletins.routes';
import { publishBulletinsJob } from './features/bulletins/publish-bulletins.job';
import { placesRepository } from './features/places/places.repository';
import { placesRoutes } from './features/places/places.routes';
import { openWindowsJob } from './features/windows/open-windows.job';
import { windowsRepository } from './features/windows/windows.repository';
import { windowsRoutes } from './features/windows/windows.routes';
import { createApp } from './http/app';
import { authGate } from './http/auth-middleware';
import type { Env } from './http/env';
import { AppError } from './platform/app-error';
import type { Clock, TravellingClock } from './platform/clock';
import type { JobDefinition } from './platform/jobs/job';
import type { Logger } from './platform/logger';
import { formatNational } from './platform/national-time';
import { hashPassword, verifyPassword } from './platform/password';
import { DEFAULT_RULES, type Rules } from './platform/rules';
import { transactor } from './platform/transactor';
import { DevSignatureAuthority, type Ports } from './ports';

export const VERSION = '0.1.0';

export type AppDeps = {
  db: Db;
  engine: DbEngine;
  clock: Clock;
  log: Logger;
  ports: Ports;
  bodyLimitBytes: number;
  webRoot?: string;
  cookieSecurity?: CookieSecurity;
  trustedOrigins?: readonly string[];
  /** Tests swap in a fast hasher; production uses scrypt. */
  passwords?: PasswordHasher;
  rules?: Rules;
  /** Reloads `rules` after the regional admin changes them (the rules store of the server and the test app). */
  refreshRules?: () => Promise<void>;
  /** Shared secret of the SMS gateway's reply callback (R-ELIG-16); unset = only signed-in parents reply. */
  smsReplySecret?: string;
  /** KEZEK_LEDGER_KEY: signs the registers' tree heads; unset = generated once and kept in the database. */
  ledgerKey?: KeyObject;
  /** DEVELOPMENT ONLY: the demo clock (KEZEK_NOW) that POST /api/dev/clock moves forward, beside the dev adapters. */
  devClock?: TravellingClock;
  /** Mounted after the features: test-only routes (access probes); empty in production. */
  extraRouters?: ReadonlyArray<OpenAPIHono<Env>>;
};

const SCRYPT: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/** The composition root: wires repositories into use cases into routes. Nothing else constructs them. */
export function composeApp(deps: AppDeps) {
  const authRepo = authRepository(deps.db);
  const cookieSecurity = deps.cookieSecurity ?? 'auto';
  const applications = applicationsRepository(deps.db);
  const ledger = createLedgerDeps({ db: deps.db, key: deps.ledgerKey, log: deps.log });
  return createApp({
    log: deps.log,
    bodyLimitBytes: deps.bodyLimitBytes,
    version: VERSION,
    ...(deps.webRoot === undefined ? {} : { webRoot: deps.webRoot }),
    routers: [
      // First: every /api route below sees the authenticated actor.
      authGate({
        repo: authRepo,
        clock: deps.clock,
        cookieSecurity,
        trustedOrigins: deps.trustedOrigins ?? [],
      }),
      healthRoutes({ repo: healthRepository(deps.db), engine: deps.engine }),
      publicRoutes({ repo: publicRepository(deps.db), clock: deps.clock, formatInstant: formatNational }),
      authRoutes({
        repo: authRepo,
        transaction: authTransactor(deps.db),
        clock: deps.clock,
        cookieSecurity,
        passwords: deps.passwords ?? SCRYPT,
        signatures: deps.ports.signature,
        lookupName: async (iin) => {
          const found = await deps.ports.individuals.lookup(iin);
          if (found.ok) {
            return {
              surname: found.value.surname,
              givenName: found.value.givenName,
              patronymic: found.value.patronymic,
            };
          }
          if (found.error.code === 'NOT_FOUND') return undefined;
          throw new AppError('UNAVAILABLE', found.error.message);
        },
      }),
      applicationsRoutes({
        transaction: transactor(deps.db, (trx) => ({
          applications: applicationsRepository(trx),
          audit: auditRepository(trx),
          notify: outboxNotify(trx),
        })),
        applications,
        queues: createQueueCache(),
        individuals: deps.ports.individuals,
        rules: deps.rules ?? DEFAULT_RULES,
        format: formatNational,
        clock: deps.clock,
        ledgerReceipt: (id) => entityLedgerReceipt(ledger, 'application', id),
      }),
      applicationRecordsRoutes({
        applications,
        audit: applicationAuditRepository(deps.db),
        notifications: myNotificationsRepository(deps.db),
        format: formatNational,
        clock: deps.clock,
      }),
      // DEVELOPMENT ONLY: a signing helper for the demo web app, only beside the development signature adapter.
      ...(deps.ports.signature instanceof DevSignatureAuthority
        ? [devSigningRoutes(deps.ports.signature)]
        : []),
      // DEVELOPMENT ONLY: time travel for a demo server living on a chosen day, never beside real adapters.
      ...(deps.devClock !== undefined && deps.ports.signature instanceof DevSignatureAuthority
        ? [devClockRoutes({ clock: deps.devClock, format: formatNational })]
        : []),
      proactiveRoutes({
        transaction: offerTransactor(deps.db),
        offers: proactiveRepository(deps.db),
        individuals: deps.ports.individuals,
        rules: deps.rules ?? DEFAULT_RULES,
        format: formatNational,
        clock: deps.clock,
        smsReplySecret: deps.smsReplySecret,
      }),
      ledgerRoutes({ ...ledger, clock: deps.clock }),
      documentsRoutes({
        applications,
        format: formatNational,
        ledgerQr: async (id) => (await entityLedgerReceipt(ledger, 'application', id))?.qr,
      }),
      referralsRoutes({
        transaction: referralTransactor(deps.db),
        referrals: referralsRepository(deps.db),
        rules: deps.rules ?? DEFAULT_RULES,
        format: formatNational,
        clock: deps.clock,
        ledgerReceipt: (id) => entityLedgerReceipt(ledger, 'referral', id),
      }),
      admissionRoutes({
        transaction: referralTransactor(deps.db),
        referrals: referralsRepository(deps.db),
        signature: deps.ports.signature,
        rules: deps.rules ?? DEFAULT_RULES,
        format: formatNational,
        clock: deps.clock,
      }),
      adminRoutes({
        repo: adminRepository(deps.db),
        transaction: transactor(deps.db, (trx) => ({
          admin: adminRepository(trx),
          audit: auditRepository(trx),
        })),
        rules: deps.rules ?? DEFAULT_RULES,
        refreshRules: deps.refreshRules ?? (() => Promise.resolve()),
        format: formatNational,
        clock: deps.clock,
      }),
      staffRoutes({ ...staffDeps(deps.db, deps.passwords ?? SCRYPT, formatNational), clock: deps.clock }),
      placesRoutes({
        places: placesRepository(deps.db),
        transaction: referralTransactor(deps.db),
        rules: deps.rules ?? DEFAULT_RULES,
        format: formatNational,
        clock: deps.clock,
      }),
      bulletinsRoutes({
        repo: bulletinsRepository(deps.db),
        format: formatNational,
        ledgerReceipt: (id) => entityLedgerReceipt(ledger, 'bulletin', id),
      }),
      windowsRoutes({
        windows: windowsRepository(deps.db),
        applications,
        rules: deps.rules ?? DEFAULT_RULES,
        format: formatNational,
        clock: deps.clock,
      }),
      ...(deps.extraRouters ?? []),
    ],
  });
}

/** The scheduled jobs of this build (ADR 0004), run by the job loop of `kezek serve`. */
export function composeJobs(deps: {
  db: Db;
  ports: Ports;
  clock: Clock;
  log: Logger;
  rules?: Rules;
  ledgerKey?: KeyObject;
}): JobDefinition[] {
  const daily = { db: deps.db, rules: deps.rules ?? DEFAULT_RULES, log: deps.log };
  const ledger = createLedgerDeps({ db: deps.db, key: deps.ledgerKey, log: deps.log });
  return [
    deliverOutboxJob({
      repo: notificationsRepository(deps.db),
      sms: deps.ports.sms,
      email: deps.ports.email,
      clock: deps.clock,
      log: deps.log.child({ job: 'deliverOutbox' }),
    }),
    // One 00:00 slot runs these in this order, as the replay's daily job does (docs/replay.md).
    // R-REF-12 before the application jobs: a re-queued application is then judged by them in the same slot.
    expireReferralsJob(daily),
    // Then the places (R-SYS-07, R-KG-05), as the replay's daily job does.
    vacateEarlyBookingsJob(daily),
    endTemporaryStaysJob(daily),
    originalsDeadlineJob(daily),
    archiveAgedOutJob(daily),
    interestDueJob(daily),
    // The allocation cycle (R-SYS-04, R-SYS-05): windows before bulletins when both fall in one slot (JOB_ORDER).
    openWindowsJob(daily),
    publishBulletinsJob(daily),
    pollBirthEventsJob({
      ...daily,
      civilRegistry: deps.ports.civilRegistry,
      individuals: deps.ports.individuals,
      log: deps.log.child({ job: 'pollBirthEvents' }),
    }),
    purgeSessionsJob({ db: deps.db }),
    sequenceLedgerJob(ledger),
    signTreeHeadsJob(ledger),
  ];
}
