import {
  instantFromEpochMs,
  parsePolicyOverrides,
  parseYearCalendar,
  type PolicyChange,
} from '@kezek/domain';
import type { RulesSnapshot } from '../../platform/rules';
import type { AdminRepository } from './admin.repository';

/**
 * The rules as the database holds them, for the rules store. Stored rows were validated when written; one that no
 * longer parses (a field renamed by an upgrade) stops the load loudly rather than silently applying less.
 */
export async function loadRulesSnapshot(
  repo: Pick<AdminRepository, 'policyChanges' | 'calendarYears' | 'settlementRegions'>,
): Promise<RulesSnapshot> {
  const [rows, years, regions] = await Promise.all([
    repo.policyChanges(),
    repo.calendarYears(),
    repo.settlementRegions(),
  ]);
  const changes: PolicyChange[] = rows.map((row) => {
    const overrides = parsePolicyOverrides(row.overrides);
    if (!overrides.ok)
      throw new Error(
        `policy change ${row.id}: ${overrides.error.map((e) => `${e.field} ${e.message}`).join('; ')}`,
      );
    return {
      region: row.region_kato,
      effectiveFrom: instantFromEpochMs(row.effective_from.getTime()),
      overrides: overrides.value,
    };
  });
  return {
    // Oldest first, in the order they were made: the timeline applies changes of one instant in that order.
    changes: changes.reverse(),
    years: new Map(
      years.map((row) => {
        const days = parseYearCalendar(row.year, row);
        if (!days.ok) throw new Error(`calendar year ${row.year}: ${days.error.join('; ')}`);
        return [row.year, days.value];
      }),
    ),
    regionOf: new Map(regions.map((r) => [r.settlement, r.region])),
  };
}
