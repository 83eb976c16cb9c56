import type { KindergartenPlaces } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { authorizeRecord, requireStaff } from '../auth/authorize';
import { toGroupView, toPlaceView } from './place-view';
import type { KindergartenRow, PlacesRepository } from './places.repository';

/** Who may read a kindergarten's registry: its own staff, the district's clerks, the regional admin, the auditor. */
export const PLACE_READERS = ['kindergartenStaff', 'clerk', 'regionalAdmin', 'auditor'] as const;

export const kindergartenRule = {
  owner: (kindergarten: KindergartenRow) => ({
    kindergartenId: kindergarten.id,
    districtKato: kindergarten.district_kato,
  }),
  missing: 'No such kindergarten',
};

/** R-KG-01: the groups of a kindergarten and the places it reported, with each place's units by status. */
export async function listKindergartenPlaces(
  repo: PlacesRepository,
  actor: Actor,
  kindergartenId: string,
  format: (at: Date) => string,
): Promise<KindergartenPlaces> {
  requireStaff(actor, PLACE_READERS);
  const kindergarten = authorizeRecord(
    actor,
    'read',
    await repo.kindergarten(kindergartenId),
    kindergartenRule,
  );
  const [groups, places] = await Promise.all([repo.groups(kindergarten.id), repo.placesOf(kindergarten.id)]);
  return {
    kindergarten: {
      id: kindergarten.id,
      name: { kk: kindergarten.name_kk, ru: kindergarten.name_ru, en: kindergarten.name_en },
      settlement: kindergarten.settlement_kato,
    },
    groups: groups.map(toGroupView),
    places: places.map((place) => toPlaceView(place, format)),
  };
}
