import {
  DEFAULT_POLICY,
  instantFromEpochMs,
  KZ_WORKING_DAY_CALENDAR,
  policyAt,
  type Policy,
  type PolicyChange,
  type WorkingDayCalendar,
  type YearCalendar,
} from '@kezek/domain';

/**
 * The rules in force for a use case: the regional policy and the working-day calendar. Until the regional admin
 * changes them, the regulation defaults of Order 254 and the built-in calendar apply.
 */
export type Rules = { policyFor: (settlement: string, at: Date) => Policy; calendar: WorkingDayCalendar };

export const DEFAULT_RULES: Rules = { policyFor: () => DEFAULT_POLICY, calendar: KZ_WORKING_DAY_CALENDAR };

/** What the database holds of the rules: policy changes, replaced calendar years, and each settlement's region. */
export type RulesSnapshot = {
  changes: readonly PolicyChange[];
  years: ReadonlyMap<number, YearCalendar>;
  regionOf: ReadonlyMap<string, string>;
};

/** The rules a snapshot describes: the policy timeline per region (G-12) and the calendar with its years replaced. */
export function rulesFrom(snapshot: RulesSnapshot): Rules {
  const timeline = {
    base: DEFAULT_POLICY,
    changes: [...snapshot.changes].sort((a, b) => a.effectiveFrom - b.effectiveFrom),
  };
  const calendar = [...snapshot.years].reduce(
    (built, [year, days]) => built.withYear(year, days),
    KZ_WORKING_DAY_CALENDAR,
  );
  return {
    policyFor: (settlement, at) =>
      policyAt(timeline, snapshot.regionOf.get(settlement) ?? '', instantFromEpochMs(at.getTime())),
    calendar,
  };
}

/**
 * Rules read from the database and kept in memory: `rules` always answers from the latest snapshot, `refresh`
 * reloads it (after an admin's change in this process, and periodically for changes made by another process —
 * changes take effect from a later date, so a process is never behind when it matters).
 */
export type RulesStore = { rules: Rules; refresh: () => Promise<void> };

export function createRulesStore(load: () => Promise<RulesSnapshot>): RulesStore {
  let current = DEFAULT_RULES;
  return {
    rules: {
      policyFor: (settlement, at) => current.policyFor(settlement, at),
      get calendar() {
        return current.calendar;
      },
    },
    refresh: async () => {
      current = rulesFrom(await load());
    },
  };
}
