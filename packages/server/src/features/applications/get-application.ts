import type { ApplicationView } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireSignedIn } from '../auth/authorize';
import type { ApplicationsRepository } from './applications.repository';
import { readApplication } from './application-change';
import { toApplicationView } from './application-view';
import { loadOrderedQueue } from './queue-order';

export async function getApplication(
  deps: { applications: Pick<ApplicationsRepository, 'byId' | 'queue'>; format: (at: Date) => string },
  actor: Actor,
  id: string,
): Promise<ApplicationView> {
  requireSignedIn(actor);
  const record = await readApplication(deps.applications, actor, id);
  const { positionOf } = await loadOrderedQueue(deps.applications, {
    settlement: record.settlement_kato,
    birthYear: record.birth_year,
    queue: record.queue,
  });
  return toApplicationView(record, positionOf(record.id), deps.format);
}
