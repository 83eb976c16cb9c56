import type { GroupsTable, KindergartensTable, PlacesTable, PlaceUnitsTable } from '@kezek/db';
import type { Insertable } from 'kysely';

const DAY_MS = 86_400_000;
/** 10:00 national time (UTC+5). */
const MORNING_MS = 5 * 3_600_000;

export type DemoPlaces = { places: Insertable<PlacesTable>[]; placeUnits: Insertable<PlaceUnitsTable>[] };

/**
 * Places the demo kindergartens reported two days before `today` (R-KG-01): one or two units in every third general
 * group. They are in no bulletin yet: the server's job loop publishes the bulletins it missed on start (catch-up,
 * R-TIME-07), so a fresh demo shows them in that day's bulletin and their windows open the next morning.
 */
export function demoPlaces(
  kindergartens: readonly Insertable<KindergartensTable>[],
  groups: readonly Insertable<GroupsTable>[],
  today: number,
  uuid: () => string,
): DemoPlaces {
  const reportedAt = new Date(today - 2 * DAY_MS + MORNING_MS);
  const settlementOf = new Map(
    kindergartens.map((kindergarten) => [kindergarten.id, kindergarten.settlement_kato]),
  );
  const places: Insertable<PlacesTable>[] = [];
  const placeUnits: Insertable<PlaceUnitsTable>[] = [];
  groups
    .filter((group) => group.group_type === 'general')
    .forEach((group, index) => {
      const settlement = settlementOf.get(group.kindergarten_id);
      if (index % 3 !== 0 || settlement === undefined) return;
      const id = uuid();
      const units = 1 + (index % 2);
      places.push({
        id,
        kindergarten_id: group.kindergarten_id,
        group_id: group.id,
        settlement_kato: settlement,
        queue: 'general',
        age: group.age,
        language: group.language,
        mode: group.mode,
        admission: 'general',
        units,
        reported_at: new Date(reportedAt.getTime() + index * 60_000),
        vacated_at: new Date(reportedAt.getTime() + index * 60_000),
        updated_at: reportedAt,
      });
      for (let unit = 0; unit < units; unit += 1) placeUnits.push({ place_id: id, unit, status: 'reported' });
    });
  return { places, placeUnits };
}
