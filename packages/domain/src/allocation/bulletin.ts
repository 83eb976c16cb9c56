import type { Instant } from '../time/instant';
import type { AllocationWindow } from './window';
import { placeQueueKey, publishPlace, type Place } from './place';

export type BulletinEntry = { readonly place: string; readonly unit: number; readonly key: string };

/** §3(4), R-WIN-01: the daily protocol of places handed over for distribution. */
export type Bulletin = {
  readonly id: number;
  readonly publishedAt: Instant;
  readonly entries: readonly BulletinEntry[];
};

/**
 * R-SYS-04, R-WIN-02: the bulletin holds every unit reported or released (R-WIN-08) since the previous one,
 * in reporting order, and fixes each new place's birth year (R-REF-03); empty bulletins are published too.
 */
export function assembleBulletin(
  places: readonly Place[],
  id: number,
  publishedAt: Instant,
): { readonly bulletin: Bulletin; readonly places: readonly Place[] } {
  const entries: BulletinEntry[] = [];
  const published = places.map((place) => {
    if (!place.units.some((unit) => unit.status === 'reported')) return place;
    const next = publishPlace(place, id, publishedAt);
    const key = placeQueueKey(next) ?? '';
    place.units.forEach((unit, index) => {
      if (unit.status === 'reported') entries.push({ place: place.id, unit: index, key });
    });
    return next;
  });
  return { bulletin: { id, publishedAt, entries }, places: published };
}

/** R-WIN-04: one window per queue key of the bulletin, its size N_k the bulletin's units for the key. */
export function windowsOf(bulletin: Bulletin, places: ReadonlyMap<string, Place>): AllocationWindow[] {
  const byKey = new Map<string, { units: number; allState: boolean }>();
  for (const entry of bulletin.entries) {
    const state = places.get(entry.place)?.ownership === 'state';
    const seen = byKey.get(entry.key) ?? { units: 0, allState: true };
    byKey.set(entry.key, { units: seen.units + 1, allState: seen.allState && state });
  }
  return [...byKey].map(([key, { units, allState }]) => ({
    key,
    bulletins: [bulletin.id],
    units,
    publishedAt: bulletin.publishedAt,
    allState,
    access: [],
  }));
}
