import type { BulletinSummary, LocalizedName, Overview } from '@kezek/contracts';

export type SettlementOption = { kato: string; name: LocalizedName };
export type SettlementGroup = { kato: string; name: LocalizedName; settlements: SettlementOption[] };

/** A KATO code without its trailing zeros: the codes of the places inside it start with this. */
const stem = (kato: string): string => kato.replace(/0+$/, '');

/**
 * The apply wizard's locality list: settlements (a queue is kept per settlement, §21), grouped under their
 * district. The public API names settlements only in the bulletins (every settlement with a kindergarten has
 * one a day), so they are taken from there, each under the district whose KATO code is the longest prefix of
 * its own. A settlement of no known district is grouped under its own name. Before the first bulletin of a new
 * installation there is none to read: then the districts stand in, as they did before (each district of the
 * demo has one settlement of the same code) — a public list of settlements in the API would end this.
 */
export const settlementGroups = (
  overview: Pick<Overview, 'regions'>,
  bulletins: readonly Pick<BulletinSummary, 'settlement'>[],
): SettlementGroup[] => {
  const districts = overview.regions.flatMap((region) => region.districts);
  if (bulletins.length === 0)
    return overview.regions.map((region) => ({
      kato: region.kato,
      name: region.name,
      settlements: region.districts.map(({ kato, name }) => ({ kato, name })),
    }));
  const settlements = new Map<string, SettlementOption>();
  for (const { settlement } of bulletins)
    if (!settlements.has(settlement.kato)) settlements.set(settlement.kato, settlement);
  const groups = new Map<string, SettlementGroup>();
  for (const settlement of [...settlements.values()].sort((a, b) => a.kato.localeCompare(b.kato))) {
    const district = districts
      .filter((candidate) => settlement.kato.startsWith(stem(candidate.kato)))
      .sort((a, b) => stem(b.kato).length - stem(a.kato).length)[0];
    const owner = district ?? settlement;
    const group = groups.get(owner.kato) ?? { kato: owner.kato, name: owner.name, settlements: [] };
    group.settlements.push(settlement);
    groups.set(owner.kato, group);
  }
  return [...groups.values()];
};
