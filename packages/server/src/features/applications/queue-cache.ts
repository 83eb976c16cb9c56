import type { ApplicationView } from '@kezek/contracts';
import type { Group } from '@kezek/domain';
import type { ApplicationsRepository } from './applications.repository';
import { orderedQueue, type OrderedQueue } from './queue-order';

type Key = Pick<ApplicationView, 'settlement' | 'birthYear' | 'queue'>;

export type QueueCache = {
  /** `version`: the queue's version when the caller already read it (saves a round trip). */
  get(
    repo: Pick<ApplicationsRepository, 'queue' | 'queueVersion'>,
    key: Key,
    version?: number,
  ): Promise<CachedQueue>;
};

export type CachedQueue = OrderedQueue & {
  length: number;
  aheadByGroup(position: number): Record<Group, number>;
};

async function load(repo: Pick<ApplicationsRepository, 'queue'>, key: Key): Promise<CachedQueue> {
  const loaded = await repo.queue(key.settlement, key.birthYear, key.queue);
  const ordered = orderedQueue(loaded);
  // Prefix counts per group, so "how many ahead" is O(1) for any position.
  const prefix: Record<Group, number>[] = [{ O: 0, P: 0, G: 0 }];
  for (const member of ordered.order) {
    const last = prefix[prefix.length - 1] ?? { O: 0, P: 0, G: 0 };
    prefix.push({ ...last, [member.group]: last[member.group] + 1 });
  }
  return {
    ...ordered,
    length: ordered.order.length,
    aheadByGroup: (position) => prefix[position - 1] ?? { O: 0, P: 0, G: 0 },
  };
}

/**
 * Orderings of busy queues, reused while the queue's version (bumped in the same transaction as every change,
 * see recordQueueEvent) is unchanged: a position lookup then costs one indexed read instead of a full ordering.
 * Safe across processes — each checks the version in the database — and bounded (least recently used out).
 * Concurrent misses on one queue share a single load, so a change does not make every waiting lookup re-sort it.
 */
export function createQueueCache(maxQueues = 500): QueueCache {
  const entries = new Map<string, { version: number; queue: CachedQueue }>();
  const loading = new Map<string, { version: number; done: Promise<CachedQueue> }>();
  return {
    async get(repo, key, known) {
      const id = `${key.settlement}/${key.birthYear}/${key.queue}`;
      const version = known ?? (await repo.queueVersion(id));
      const hit = entries.get(id);
      if (hit !== undefined && hit.version === version) {
        entries.delete(id);
        entries.set(id, hit);
        return hit.queue;
      }
      const pending = loading.get(id);
      if (pending !== undefined && pending.version === version) return pending.done;
      const done = load(repo, key).finally(() => {
        if (loading.get(id)?.done === done) loading.delete(id);
      });
      loading.set(id, { version, done });
      // Cached under the version read BEFORE loading: if a change commits meanwhile, the next lookup sees a newer
      // version and reloads, so a cached ordering is never older than its version says.
      const queue = await done;
      entries.set(id, { version, queue });
      if (entries.size > maxQueues) entries.delete(entries.keys().next().value ?? id);
      return queue;
    },
  };
}
