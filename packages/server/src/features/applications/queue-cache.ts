import type { ApplicationView } from '@kezek/contracts';
import type { Group } from '@kezek/domain';
import type { ApplicationsRepository } from './applications.repository';
import { orderedQueue, type OrderedQueue } from './queue-order';

type Key = Pick<ApplicationView, 'settlement' | 'birthYear' | 'queue'>;

export type QueueCache = {
  get(repo: Pick<ApplicationsRepository, 'queue' | 'queueVersion'>, key: Key): Promise<CachedQueue>;
};

export type CachedQueue = OrderedQueue & {
  length: number;
  aheadByGroup(position: number): Record<Group, number>;
};

/**
 * Orderings of busy queues, reused while the queue's version (bumped in the same transaction as every change,
 * see recordQueueEvent) is unchanged: a position lookup then costs one indexed read instead of a full ordering.
 * Safe across processes — each checks the version in the database — and bounded (least recently used out).
 */
export function createQueueCache(maxQueues = 500): QueueCache {
  const entries = new Map<string, { version: number; queue: CachedQueue }>();
  return {
    async get(repo, key) {
      const id = `${key.settlement}/${key.birthYear}/${key.queue}`;
      const version = await repo.queueVersion(id);
      const hit = entries.get(id);
      if (hit !== undefined && hit.version === version) {
        entries.delete(id);
        entries.set(id, hit);
        return hit.queue;
      }
      const loaded = await repo.queue(key.settlement, key.birthYear, key.queue);
      const ordered = orderedQueue(loaded);
      // Prefix counts per group, so "how many ahead" is O(1) for any position.
      const prefix: Record<Group, number>[] = [{ O: 0, P: 0, G: 0 }];
      for (const member of ordered.order) {
        const last = prefix[prefix.length - 1] ?? { O: 0, P: 0, G: 0 };
        prefix.push({ ...last, [member.group]: last[member.group] + 1 });
      }
      const queue: CachedQueue = {
        ...ordered,
        length: ordered.order.length,
        aheadByGroup: (position) => prefix[position - 1] ?? { O: 0, P: 0, G: 0 },
      };
      entries.set(id, { version: loaded.version, queue });
      if (entries.size > maxQueues) entries.delete(entries.keys().next().value ?? id);
      return queue;
    },
  };
}
