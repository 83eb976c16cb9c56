import type { Territory } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import { ADMIN_READERS, type AdminDeps } from './admin-deps';

const nameOf = (row: { name_kk: string; name_ru: string; name_en: string }) => ({
  kk: row.name_kk,
  ru: row.name_ru,
  en: row.name_en,
});

/** Regions → districts → settlements (KATO), for the admin's territory page. */
export async function listTerritory(deps: Pick<AdminDeps, 'repo'>, actor: Actor): Promise<Territory> {
  requireStaff(actor, ADMIN_READERS);
  const [regions, districts, settlements] = await Promise.all([
    deps.repo.regions(),
    deps.repo.districts(),
    deps.repo.settlements(),
  ]);
  return {
    regions: regions.map((region) => ({
      kato: region.kato,
      name: nameOf(region),
      districts: districts
        .filter((district) => district.region_kato === region.kato)
        .map((district) => ({
          kato: district.kato,
          name: nameOf(district),
          settlements: settlements
            .filter((settlement) => settlement.district_kato === district.kato)
            .map((settlement) => ({ kato: settlement.kato, name: nameOf(settlement) })),
        })),
    })),
  };
}
