import { randomUUID } from 'node:crypto';
import type { Db } from '@kezek/db';
import { FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { insertGroup } from '../places/places.fixtures';

/** Test data of a claim: a place of `units` published by a bulletin, in a window opened with an access set. */

let day = 0;

export type PublishedPlace = { placeId: string; groupId: string; bulletinId: number; windowId: number };

export async function publishPlaceWithWindow(
  db: Db,
  input: {
    birthYear: number;
    units: number;
    now: Date;
    /** The frozen priority access set, in rank order. */
    access: readonly string[];
    /** Hours since the window opened (default 1); past the priority phase the leftover is open. */
    openedHoursAgo?: number;
    priorityHours?: number;
    admission?: 'general' | 'temporary';
    kindergartenId?: string;
  },
): Promise<PublishedPlace> {
  const settlement = FIXTURE_TERRITORY.settlement1;
  const age = input.now.getUTCFullYear() - input.birthYear;
  const kindergartenId = input.kindergartenId ?? FIXTURE_TERRITORY.kindergarten1;
  const groupId = await insertGroup(db, { kindergartenId, age });
  const placeId = randomUUID();
  const reportedAt = new Date(input.now.getTime() - 3 * 86_400_000);
  await db
    .insertInto('places')
    .values({
      id: placeId,
      kindergarten_id: kindergartenId,
      group_id: groupId,
      settlement_kato: settlement,
      queue: 'general',
      age,
      birth_year: input.birthYear,
      language: 'kk',
      mode: 'full',
      admission: input.admission ?? 'general',
      until: input.admission === 'temporary' ? '2026-12-31' : null,
      units: input.units,
      reported_at: reportedAt,
      vacated_at: reportedAt,
      updated_at: reportedAt,
    })
    .execute();
  day += 1;
  const bulletin = await db
    .insertInto('bulletins')
    .values({
      settlement_kato: settlement,
      bulletin_date: `2025-01-${String(day).padStart(2, '0')}`,
      published_at: reportedAt,
      items_count: input.units,
      revoked_count: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bulletinId = Number(bulletin.id);
  await db
    .insertInto('place_units')
    .values(
      Array.from({ length: input.units }, (_, unit) => ({
        place_id: placeId,
        unit,
        status: 'published' as const,
        bulletin_id: bulletinId,
      })),
    )
    .execute();
  const opensAt = new Date(input.now.getTime() - (input.openedHoursAgo ?? 1) * 3_600_000);
  const window = await db
    .insertInto('allocation_windows')
    .values({
      queue_key: `${settlement}/${input.birthYear}/general`,
      settlement_kato: settlement,
      bulletin_ids: [bulletinId],
      units: input.units,
      all_state: true,
      published_at: reportedAt,
      opens_at: opensAt,
      closes_at: new Date(opensAt.getTime() + (input.priorityHours ?? 48) * 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const windowId = Number(window.id);
  if (input.access.length > 0)
    await db
      .insertInto('window_access')
      .values(input.access.map((application_id, i) => ({ window_id: windowId, application_id, rank: i + 1 })))
      .execute();
  return { placeId, groupId, bulletinId, windowId };
}

export const unitStatuses = async (db: Db, placeId: string) =>
  (
    await db
      .selectFrom('place_units')
      .select(['unit', 'status', 'referral_id'])
      .where('place_id', '=', placeId)
      .orderBy('unit')
      .execute()
  ).map((row) => ({ unit: row.unit, status: row.status, referral: row.referral_id }));
