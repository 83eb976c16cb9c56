import type { Db } from '@kezek/db';
import {
  assembleBulletin,
  instantFromEpochMs,
  localDateOf,
  nextBulletinAt,
  startsAfter,
  windowsOf,
  type Place,
} from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { every, type JobDefinition } from '../../platform/jobs/job';
import type { Rules } from '../../platform/rules';
import { transactor } from '../../platform/transactor';
import { auditRepository, type AuditRepository } from '../audit/audit.repository';
import { toDomainPlace } from '../places/place-view';
import type { PlaceWithUnits } from '../places/places.repository';
import { bulletinsRepository, type BulletinsRepository } from './bulletins.repository';
import { inParallelChunks } from './in-parallel-chunks';

export const PUBLISH_BULLETINS = 'publishBulletins';

/**
 * The allocation jobs tick every 15 minutes and act when a region's regulated time falls in the tick (its
 * bulletin time, its window opening): regions may set their own times (R-SYS-04, R-SYS-05, G-12), and a
 * slot is a pure function of time, so all processes agree on the slots and a missed one is caught up in order.
 */
export const ALLOCATION_TICK_MS = 15 * 60_000;

export type AllocationJobDeps = { db: Db; rules: Rules };

const SYSTEM: Actor = { kind: 'system', job: PUBLISH_BULLETINS };

/**
 * R-SYS-04, R-WIN-01, R-WIN-02: one settlement's bulletin of `date`, published at `publishedAt`, in one
 * transaction: every unit reported by then (or released, R-WIN-08) in reporting order — the domain's
 * assembleBulletin decides, fixing each place's birth year (R-REF-03) and publishing a later-starting general
 * place as early booking (R-KG-08) — the revocations since the last one, and the windows of its queue
 * keys (R-WIN-03, R-WIN-04). Empty bulletins are published too. Nothing happens if the settlement has one already.
 */
async function publishOne(
  { bulletins, audit }: { bulletins: BulletinsRepository; audit: AuditRepository },
  settlement: string,
  publishedAt: Date,
): Promise<{ items: number; revoked: number }> {
  const at = instantFromEpochMs(publishedAt.getTime());
  const date = localDateOf(at);
  const stored = await bulletins.waitingPlaces([settlement], publishedAt);
  const id = await bulletins.nextBulletinId();
  const domainPlaces = stored.map(toDomainPlace);
  const { bulletin, places } = assembleBulletin(domainPlaces, id, at);
  const byId = new Map<string, { stored: PlaceWithUnits; before: Place; after: Place }>();
  places.forEach((after, index) => {
    const entry = stored[index];
    const before = domainPlaces[index];
    if (entry !== undefined && before !== undefined) byId.set(after.id, { stored: entry, before, after });
  });
  const revocations = await bulletins.pendingRevocations(settlement, publishedAt);
  const inserted = await bulletins.insertBulletin({
    id,
    settlement_kato: settlement,
    bulletin_date: date,
    published_at: publishedAt,
    items_count: bulletin.entries.length,
    revoked_count: revocations.length,
  });
  if (!inserted) throw new Error(`settlement ${settlement} got its ${date} bulletin from another process`);
  await bulletins.attachRevocations(revocations, id);
  await bulletins.insertItems(
    bulletin.entries.map((entry, position) => {
      const place = byId.get(entry.place);
      if (place === undefined) throw new Error(`bulletin entry of unknown place ${entry.place}`);
      const { row } = place.stored;
      return {
        bulletin_id: id,
        place_id: entry.place,
        unit: entry.unit,
        position: position + 1,
        queue_key: entry.key,
        kindergarten_id: row.kindergarten_id,
        group_id: row.group_id,
        birth_year: place.after.birthYear ?? 0,
        age: row.age,
        language: row.language,
        mode: row.mode,
        admission: place.after.admission,
        start_date: row.start_date,
        free_from: place.after.freeFrom ?? null,
        until: row.until,
      };
    }),
  );
  const publishedIds = [...new Set(bulletin.entries.map((entry) => entry.place))];
  await bulletins.publishUnits(publishedIds, id);
  const birthYears = new Map<number, string[]>();
  for (const placeId of publishedIds) {
    const place = byId.get(placeId);
    if (place === undefined || place.after.birthYear === undefined) continue;
    birthYears.set(place.after.birthYear, [...(birthYears.get(place.after.birthYear) ?? []), placeId]);
    if (startsAfter(place.before, date) && place.after.freeFrom !== undefined)
      await bulletins.publishAsEarlyBooking(placeId, place.after.freeFrom, publishedAt);
  }
  for (const [birthYear, ids] of birthYears) await bulletins.fixBirthYear(ids, birthYear, publishedAt);
  for (const window of windowsOf(bulletin, new Map(places.map((place) => [place.id, place]))))
    await bulletins.addToPendingWindow({
      queue_key: window.key,
      settlement_kato: settlement,
      bulletin_id: id,
      units: window.units,
      all_state: window.allState,
      published_at: publishedAt,
    });
  await audit.record({
    at: publishedAt,
    actor: SYSTEM,
    action: 'bulletin.published',
    entityType: 'bulletin',
    entityId: String(id),
    data: { settlement, date, items: bulletin.entries.length, revoked: revocations.length },
  });
  return { items: bulletin.entries.length, revoked: revocations.length };
}

/** Settlements published together in one transaction: a national 18:00 is thousands of them. */
const SETTLEMENTS_PER_TRANSACTION = 25;
/** Transactions in flight at once: a national 18:00 is a thousand settlements and more. */
export const ALLOCATION_PARALLELISM = 4;

/**
 * The bulletins of `settlements` published at `publishedAt`, 25 settlements per transaction, four transactions at
 * a time (each settlement's bulletin is all-or-nothing; a crash leaves the rest to the slot's retry, which skips the
 * settlements already published).
 */
export async function publishSettlementBulletins(
  db: Db,
  settlements: readonly string[],
  publishedAt: Date,
): Promise<{ bulletins: number; items: number; revoked: number }> {
  const total = { bulletins: 0, items: 0, revoked: 0 };
  const transaction = transactor(db, (trx) => ({
    bulletins: bulletinsRepository(trx),
    audit: auditRepository(trx),
  }));
  await inParallelChunks(settlements, SETTLEMENTS_PER_TRANSACTION, ALLOCATION_PARALLELISM, (chunk) =>
    transaction(async (repos) => {
      for (const settlement of chunk) {
        const result = await publishOne(repos, settlement, publishedAt);
        total.bulletins += 1;
        total.items += result.items;
        total.revoked += result.revoked;
      }
    }),
  );
  return total;
}

/**
 * R-SYS-04 (§24(3)): at each region's bulletin time (18:00 unless its policy says otherwise, G-12), every
 * settlement of the region with a kindergarten gets its bulletin of the day. Idempotent per slot: a settlement
 * with that day's bulletin is skipped, so a slot run again after a crash publishes only what it had not.
 */
export function publishBulletinsJob(deps: AllocationJobDeps): JobDefinition {
  const repo = bulletinsRepository(deps.db);
  return {
    name: PUBLISH_BULLETINS,
    schedule: every(ALLOCATION_TICK_MS),
    handler: async (scheduledFor) => {
      const tickStart = instantFromEpochMs(scheduledFor.getTime() - ALLOCATION_TICK_MS);
      let bulletins = 0;
      let items = 0;
      for (const { settlements } of await repo.regionsWithKindergartens()) {
        const [first] = settlements;
        if (first === undefined) continue;
        const due = nextBulletinAt(tickStart, undefined, deps.rules.policyFor(first, scheduledFor));
        if (due > scheduledFor.getTime()) continue;
        const publishedAt = new Date(due);
        const done = await repo.publishedOn(settlements, localDateOf(due));
        const result = await publishSettlementBulletins(
          deps.db,
          settlements.filter((kato) => !done.has(kato)),
          publishedAt,
        );
        bulletins += result.bulletins;
        items += result.items;
      }
      return { bulletins, items };
    },
  };
}
