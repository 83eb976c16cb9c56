import type { LocalizedName, SettlementList } from '@kezek/contracts';

export type SettlementOption = { kato: string; name: LocalizedName };
export type SettlementGroup = { kato: string; name: LocalizedName; settlements: SettlementOption[] };

/**
 * The apply wizard's locality list: settlements (a queue is kept per settlement, §21, R-QUEUE-07), grouped under
 * their district in the order the public list gives them (by district, then name).
 */
export const settlementGroups = (list: SettlementList): SettlementGroup[] => {
  const groups = new Map<string, SettlementGroup>();
  for (const { kato, name, district } of list.items) {
    const group = groups.get(district.kato) ?? { kato: district.kato, name: district.name, settlements: [] };
    group.settlements.push({ kato, name });
    groups.set(district.kato, group);
  }
  return [...groups.values()];
};
