import type { PositionView } from '@kezek/contracts';
import type { Group } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { authorizeRecord, requireSignedIn } from '../auth/authorize';
import { APPLICATION_ACCESS } from './application-change';
import type { ApplicationsRepository } from './applications.repository';
import { queueKeyOf } from './application-view';
import type { QueueCache } from './queue-cache';

/** R-APPL-11, §3(9): the queue number now and how many are ahead in each group (out-of-turn, first-priority, general). */
export async function getPosition(
  deps: {
    applications: Pick<ApplicationsRepository, 'positionRecord' | 'queue' | 'queueVersion'>;
    queues: QueueCache;
  },
  actor: Actor,
  id: string,
): Promise<PositionView> {
  requireSignedIn(actor);
  const record = authorizeRecord(
    actor,
    'read',
    await deps.applications.positionRecord(id),
    APPLICATION_ACCESS,
  );
  // No queue_state row yet means the queue never changed: version 0, as queueVersion() answers.
  const queue = await deps.queues.get(
    deps.applications,
    { settlement: record.settlement_kato, birthYear: record.birth_year, queue: record.queue },
    record.queue_version ?? 0,
  );
  const position = record.status === 'queued' ? queue.positionOf(record.id) : null;
  const ahead = position === null ? { O: 0, P: 0, G: 0 } : queue.aheadByGroup(position);
  return {
    applicationId: record.id,
    queueKey: queueKeyOf(record),
    status: record.status,
    position,
    queueLength: queue.length,
    aheadByGroup: ahead satisfies Record<Group, number>,
  };
}
