import {
  firstWhoCanClaim,
  instantFromEpochMs,
  openWindow,
  parseQueueKey,
  windowOpeningAfter,
  type AllocationWindow,
} from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { every, type JobDefinition } from '../../platform/jobs/job';
import type { Rules } from '../../platform/rules';
import { transactor } from '../../platform/transactor';
import { applicationsRepository, type ApplicationsRepository } from '../applications/applications.repository';
import { orderedQueue } from '../applications/queue-order';
import { auditRepository, type AuditRepository } from '../audit/audit.repository';
import { bulletinsRepository } from '../bulletins/bulletins.repository';
import { inParallelChunks } from '../bulletins/in-parallel-chunks';
import {
  ALLOCATION_PARALLELISM,
  ALLOCATION_TICK_MS,
  type AllocationJobDeps,
} from '../bulletins/publish-bulletins.job';
import { recipientsOf } from '../applications/application-notice';
import { outboxRows } from '../notifications/enqueue-notification';
import {
  notificationsRepository,
  type NotificationsRepository,
} from '../notifications/notifications.repository';
import { windowsRepository, type WindowRow, type WindowsRepository } from './windows.repository';

export const OPEN_WINDOWS = 'openWindows';

const SYSTEM: Actor = { kind: 'system', job: OPEN_WINDOWS };

/**
 * R-WIN-04: one window opens at `opensAt` in one transaction — its access set is the first N_k applications of
 * the queue in the order of the rules that can claim (skipping a child with a live referral, and a used privilege
 * when every unit is in a state organisation, R-QUEUE-09), frozen and never refilled (R-WIN-06); it closes at the
 * same clock time on the 3rd working day (R-WIN-05). The domain's firstWhoCanClaim and openWindow decide.
 */
type WindowRepos = {
  applications: ApplicationsRepository;
  windows: WindowsRepository;
  audit: AuditRepository;
  outbox: NotificationsRepository;
};

async function openOne(
  { applications, windows, audit, outbox }: WindowRepos,
  rules: Rules,
  window: WindowRow,
  opensAt: Date,
): Promise<number> {
  const key = parseQueueKey(window.queue_key);
  if (!key.ok) throw new Error(`window ${window.id} has an invalid queue key: ${key.error}`);
  const policy = rules.policyFor(window.settlement_kato, opensAt);
  const queue = await applications.queue(key.value.settlement, key.value.birthYear, key.value.kind);
  // R-WIN-04: the set is frozen at the opening instant — an application submitted after it (the slot may run a
  // few minutes late, or be caught up after downtime) was not in the queue then.
  const loaded = { ...queue, members: queue.members.filter((member) => member.submitted_at <= opensAt) };
  const order = orderedQueue(loaded).order.map((member) => member.id);
  const blocked = await windows.withLiveReferral(order);
  const privilegeBlocked = new Set(
    window.all_state && policy.privilegeReuseOnlyPrivate
      ? loaded.members.filter((member) => member.privilege_used).map((member) => member.id)
      : [],
  );
  const at = instantFromEpochMs(opensAt.getTime());
  const pending: AllocationWindow = {
    key: window.queue_key,
    bulletins: [],
    units: window.units,
    publishedAt: instantFromEpochMs(window.published_at.getTime()),
    allState: window.all_state,
    access: [],
  };
  const access = firstWhoCanClaim(order, window.units, (id) => !blocked.has(id) && !privilegeBlocked.has(id));
  const opened = openWindow(pending, at, access, policy, rules.calendar);
  if (opened.closesAt === undefined) throw new Error('an opened window has no closing instant');
  const closesAt = new Date(opened.closesAt);
  if (!(await windows.open(window.id, opensAt, closesAt, opened.access))) return 0;
  // R-NOTIF-04: each holder of the access is told until when it lasts — one insert for the whole window.
  const contacts = await windows.contactsOf(opened.access);
  await outbox.insert(
    contacts.flatMap((contact) => {
      const to = recipientsOf(contact, opensAt);
      return outboxRows({
        event: 'windowOpened',
        params: { applicationNumber: contact.number, windowEndsAt: closesAt },
        language: to.language,
        applicationId: to.applicationId,
        recipients: to,
        now: opensAt,
      });
    }),
  );
  await audit.record({
    at: opensAt,
    actor: SYSTEM,
    action: 'window.opened',
    entityType: 'window',
    entityId: String(window.id),
    data: { key: window.queue_key, units: window.units, access: opened.access.length },
  });
  return opened.access.length;
}

/**
 * R-SYS-05, R-WIN-03 (§24(4)): at each region's window time (07:00 unless its policy says otherwise; every
 * calendar day, A-16, or working days only), the windows of the bulletins published before it open. Idempotent
 * per slot: an open window is never opened again.
 */
export function openWindowsJob(deps: AllocationJobDeps): JobDefinition {
  const regions = bulletinsRepository(deps.db);
  const windows = windowsRepository(deps.db);
  const transaction = transactor(deps.db, (trx) => ({
    applications: applicationsRepository(trx),
    windows: windowsRepository(trx),
    audit: auditRepository(trx),
    outbox: notificationsRepository(trx),
  }));
  return {
    name: OPEN_WINDOWS,
    schedule: every(ALLOCATION_TICK_MS),
    handler: async (scheduledFor) => {
      const tickStart = instantFromEpochMs(scheduledFor.getTime() - ALLOCATION_TICK_MS);
      let opened = 0;
      let granted = 0;
      for (const { settlements } of await regions.regionsWithKindergartens()) {
        const [first] = settlements;
        if (first === undefined) continue;
        const policy = deps.rules.policyFor(first, scheduledFor);
        const due = windowOpeningAfter(tickStart, policy, deps.rules.calendar);
        if (due > scheduledFor.getTime()) continue;
        const opensAt = new Date(due);
        const pending = await windows.pending(settlements, opensAt);
        // 25 windows per transaction, four transactions at a time: a national 07:00 opens thousands.
        await inParallelChunks(pending, 25, ALLOCATION_PARALLELISM, (chunk) =>
          transaction(async (repos) => {
            for (const window of chunk) {
              // Awaited before adding: `granted += await …` would read `granted` before the await.
              const access = await openOne(repos, deps.rules, window, opensAt);
              granted += access;
              opened += 1;
            }
          }),
        );
      }
      return { opened, granted };
    },
  };
}
