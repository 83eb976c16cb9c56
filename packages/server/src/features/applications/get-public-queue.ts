import type { PublicQueuePage, PublicQueueQuery } from '@kezek/contracts';
import { AppError } from '../../platform/app-error';
import type { ApplicationsRepository } from './applications.repository';
import type { QueueCache } from './queue-cache';

export type PublicQueueDeps = {
  applications: Pick<
    ApplicationsRepository,
    'settlement' | 'queue' | 'queueVersion' | 'publicRows' | 'queuedIdByNumber'
  >;
  queues: QueueCache;
  format: (at: Date) => string;
};

/**
 * R-SYS-09 (§24(8)): the queue as the public sees it — positions in the order of the rules, application numbers,
 * ordering groups and submission times, a page at a time; no name, IIN, contact or category. With `number`, the
 * page that holds that application, so a parent finds their line and sees who is around it.
 */
export async function getPublicQueue(
  deps: PublicQueueDeps,
  query: PublicQueueQuery,
  now: Date,
): Promise<PublicQueuePage> {
  const key = { settlement: query.settlement, birthYear: query.birthYear, queue: query.queue };
  if ((await deps.applications.settlement(key.settlement)) === undefined)
    throw new AppError('NOT_FOUND', `settlement: no settlement with KATO code ${key.settlement}`, {
      field: 'settlement',
    });
  const queue = await deps.queues.get(deps.applications, key);
  let page = query.page;
  if (query.number !== undefined) {
    const id = await deps.applications.queuedIdByNumber(key, query.number);
    const position = id === undefined ? null : queue.positionOf(id);
    if (position === null)
      throw new AppError('NOT_FOUND', `number: no application ${query.number} is queued in this queue`, {
        field: 'number',
      });
    page = Math.ceil(position / query.pageSize);
  }
  const from = (page - 1) * query.pageSize;
  const members = queue.order.slice(from, from + query.pageSize);
  const rows = new Map(
    (await deps.applications.publicRows(members.map((m) => m.id))).map((row) => [row.id, row]),
  );
  return {
    queueKey: `${key.settlement}/${key.birthYear}/${key.queue}`,
    asOf: deps.format(now),
    page,
    pageSize: query.pageSize,
    total: queue.length,
    items: members.flatMap((member, i) => {
      const row = rows.get(member.id);
      // A row gone between the ordering and this read (withdrawn this instant) is left out of the page.
      return row === undefined
        ? []
        : [
            {
              position: from + i + 1,
              number: row.number,
              group: member.group,
              submittedAt: deps.format(row.submitted_at),
            },
          ];
    }),
  };
}
