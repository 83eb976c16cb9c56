import { DEFAULT_POLICY, KZ_WORKING_DAY_CALENDAR, type Policy, type WorkingDayCalendar } from '@kezek/domain';

/**
 * The rules in force for a use case: the regional policy and the working-day calendar.
 * Regional policies with effective dates are edited by the regional admin (issue 6/6); until a region has its
 * own, the regulation defaults of Order 254 apply.
 */
export type Rules = { policyFor: (settlement: string, at: Date) => Policy; calendar: WorkingDayCalendar };

export const DEFAULT_RULES: Rules = { policyFor: () => DEFAULT_POLICY, calendar: KZ_WORKING_DAY_CALENDAR };
