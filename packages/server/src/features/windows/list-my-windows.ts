import type { MyWindows } from '@kezek/contracts';
import { hasWindowAccess, instantFromEpochMs, windowPhase, type AllocationWindow } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import type { Rules } from '../../platform/rules';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { loadOrderedQueue, type OrderedQueue } from '../applications/queue-order';
import { requireApplicant } from '../auth/authorize';
import type { WindowsRepository } from './windows.repository';

const instantOrUndefined = (at: Date | null) => (at === null ? undefined : instantFromEpochMs(at.getTime()));

/**
 * R-WIN-03..07: the signed-in applicant's allocation windows — the windows of their applications' queue keys —
 * each with its phase now, the application's rank in the frozen priority set (R-WIN-04), and whether it may
 * claim now: in the priority phase only the set (R-WIN-06), after it whoever stands within the first
 * `leftoverFirstN` of the live queue (R-WIN-07). Only a queued application claims.
 */
export async function listMyWindows(
  deps: {
    windows: WindowsRepository;
    applications: Pick<ApplicationsRepository, 'queue'>;
    rules: Rules;
    format: (at: Date) => string;
  },
  actor: Actor,
  now: Date,
): Promise<MyWindows> {
  const { applicantId } = requireApplicant(actor);
  const rows = await deps.windows.windowsOfApplicant(applicantId);
  const queues = new Map<string, Promise<OrderedQueue>>();
  const queueOf = (row: (typeof rows)[number]) => {
    const cached = queues.get(row.queue_key);
    if (cached !== undefined) return cached;
    const loading = loadOrderedQueue(deps.applications, {
      settlement: row.app_settlement,
      birthYear: row.birth_year,
      queue: row.queue,
    });
    queues.set(row.queue_key, loading);
    return loading;
  };
  const at = instantFromEpochMs(now.getTime());
  const windows = await Promise.all(
    rows.map(async (row) => {
      const window: AllocationWindow = {
        key: row.queue_key,
        bulletins: [],
        units: row.units,
        publishedAt: instantFromEpochMs(row.published_at.getTime()),
        allState: row.all_state,
        opensAt: instantOrUndefined(row.opens_at),
        closesAt: instantOrUndefined(row.closes_at),
        access: row.rank === null ? [] : [row.application_id],
      };
      const phase = windowPhase(window, at);
      const position =
        phase === 'leftover' && row.status === 'queued'
          ? ((await queueOf(row)).positionOf(row.application_id) ?? undefined)
          : undefined;
      const policy = deps.rules.policyFor(row.settlement_kato, now);
      return {
        windowId: row.id,
        applicationId: row.application_id,
        applicationNumber: row.number,
        queueKey: row.queue_key,
        units: row.units,
        opensAt: row.opens_at === null ? null : deps.format(row.opens_at),
        closesAt: row.closes_at === null ? null : deps.format(row.closes_at),
        phase,
        priorityRank: row.rank,
        canClaimNow:
          row.status === 'queued' && hasWindowAccess(window, row.application_id, at, position, policy),
        terms: {
          priorityWindowWorkingDays: policy.priorityWindowWorkingDays,
          leftoverFirstN: policy.leftoverFirstN,
          referralValidityWorkingDays: policy.referralValidityWorkingDays,
        },
      };
    }),
  );
  return { windows };
}
