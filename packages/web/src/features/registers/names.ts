import type { Language, Overview } from '@kezek/contracts';
import { localizedName } from '../../i18n/format';

/**
 * The name of a region, district or settlement by its KATO code, from the public overview (the demo's settlements
 * are its districts); the code itself while the overview is missing or does not list it.
 */
export const placeName = (overview: Overview | undefined, kato: string, language: Language): string => {
  for (const region of overview?.regions ?? []) {
    if (region.kato === kato) return localizedName(region.name, language);
    const district = region.districts.find((d) => d.kato === kato);
    if (district !== undefined) return localizedName(district.name, language);
  }
  return kato;
};
