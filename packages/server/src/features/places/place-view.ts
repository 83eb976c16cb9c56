import type { GroupView, PlaceView } from '@kezek/contracts';
import type { GroupsTable } from '@kezek/db';
import {
  instantFromEpochMs,
  localDate,
  parseQueueKind,
  placeStatus,
  type Place,
  type PlaceUnit,
  type QueueKind,
} from '@kezek/domain';
import type { Selectable } from 'kysely';
import type { PlaceWithUnits } from './places.repository';

type GroupRow = Selectable<GroupsTable>;

/** R-WIN-09: the queue a group serves — general, or the special/sanatorium queue of its specialisation. */
export function queueOfGroup(group: Pick<GroupRow, 'group_type' | 'specialization'>): QueueKind {
  if (group.group_type === 'general') return 'general';
  const parsed = parseQueueKind(`${group.group_type}:${group.specialization ?? ''}`);
  if (!parsed.ok) throw new Error(`group specialisation is not a queue: ${parsed.error}`);
  return parsed.value;
}

export const toGroupView = (group: GroupRow): GroupView => ({
  id: group.id,
  ageGroup: group.age_group,
  age: group.age,
  language: group.language,
  groupType: group.group_type,
  specialization: group.specialization,
  mode: group.mode,
  capacity: group.capacity,
  queue: queueOfGroup(group),
});

const instant = (at: Date) => instantFromEpochMs(at.getTime());
const optionalDate = (text: string | null) => (text === null ? undefined : localDate(text));

/** The domain's view of a stored place, so the server decides with the same functions as the replay. */
export function toDomainPlace({ row, ownership, units }: PlaceWithUnits): Place {
  const queue = parseQueueKind(row.queue);
  if (!queue.ok) throw new Error(`place ${row.id} has an invalid queue: ${queue.error}`);
  return {
    id: row.id,
    kindergarten: row.kindergarten_id,
    settlement: row.settlement_kato,
    ownership,
    age: row.age,
    birthYear: row.birth_year ?? undefined,
    queue: queue.value,
    mode: row.mode,
    admission: row.admission,
    language: row.language,
    startDate: optionalDate(row.start_date),
    freeFrom: optionalDate(row.free_from),
    until: optionalDate(row.until),
    reportedAt: instant(row.reported_at),
    vacatedAt: row.vacated_at === null ? undefined : instant(row.vacated_at),
    endedAt: row.ended_at === null ? undefined : instant(row.ended_at),
    units: units.map((unit): PlaceUnit => ({
      status: unit.status,
      bulletin: unit.bulletin_id === null ? undefined : Number(unit.bulletin_id),
      referral: unit.referral_id ?? undefined,
    })),
  };
}

/** A place is its kindergarten's: its staff change it; others see it as missing. */
export const PLACE_ACCESS = {
  owner: (place: PlaceWithUnits) => ({ kindergartenId: place.row.kindergarten_id }),
  missing: 'No such place',
};

export function toPlaceView(place: PlaceWithUnits, format: (at: Date) => string): PlaceView {
  const { row } = place;
  const count = (status: PlaceUnit['status']) => place.units.filter((unit) => unit.status === status).length;
  return {
    id: row.id,
    kindergartenId: row.kindergarten_id,
    groupId: row.group_id,
    settlement: row.settlement_kato,
    queue: row.queue,
    age: row.age,
    birthYear: row.birth_year,
    language: row.language,
    mode: row.mode,
    admission: row.admission,
    startDate: row.start_date,
    freeFrom: row.free_from,
    until: row.until,
    attendanceRestriction: row.attendance_restriction,
    status: placeStatus(toDomainPlace(place)),
    units: {
      reported: count('reported'),
      published: count('published'),
      reserved: count('reserved'),
      occupied: count('occupied'),
      revoked: count('revoked'),
    },
    reportedAt: format(row.reported_at),
    vacatedAt: row.vacated_at === null ? null : format(row.vacated_at),
    endedAt: row.ended_at === null ? null : format(row.ended_at),
    version: row.version,
  };
}
