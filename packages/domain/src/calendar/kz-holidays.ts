import { localDate, type LocalDate } from '../time/local-date';

/**
 * Kazakhstan's days off, as data (G-02, R-TIME-02). Sources:
 *  - Law of the RK No. 267-II of 13 December 2001 "On holidays in the Republic of Kazakhstan": the national
 *    and state holidays below, as amended in 2022 (Republic Day, 25 October, restored; First President Day,
 *    1 December, removed; Independence Day reduced to 16 December). Art. 5: holidays are days off, and a
 *    holiday falling on a weekend day moves the day off to the next working day after the holiday.
 *  - Labour Code of the RK, art. 84(5): the first day of Kurban Ait and Orthodox Christmas (7 January) are
 *    days off; they are not "holidays" in the sense of art. 5, so they never carry over.
 *  - Labour Code art. 85(3): the authorised labour body (the Government until 2023, the Minister of Labour
 *    and Social Protection since 2024) may transfer days off by a yearly act.
 * Kurban Ait's date follows the lunar calendar and is announced by the Spiritual Administration of Muslims
 * of Kazakhstan (ДУМК); it may move by a day. All of this is reviewed yearly and overridable per year
 * (WorkingDayCalendar.withYear, the scenario `calendar` event).
 */

type FixedHoliday = {
  readonly month: number;
  readonly day: number;
  readonly name: string;
  readonly carriesOver: boolean;
};

export const KZ_FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: 'New Year', carriesOver: true },
  { month: 1, day: 2, name: 'New Year', carriesOver: true },
  { month: 1, day: 7, name: 'Orthodox Christmas', carriesOver: false },
  { month: 3, day: 8, name: "International Women's Day", carriesOver: true },
  { month: 3, day: 21, name: 'Nauryz meiramy', carriesOver: true },
  { month: 3, day: 22, name: 'Nauryz meiramy', carriesOver: true },
  { month: 3, day: 23, name: 'Nauryz meiramy', carriesOver: true },
  { month: 5, day: 1, name: 'Unity Day of the People of Kazakhstan', carriesOver: true },
  { month: 5, day: 7, name: 'Defender of the Fatherland Day', carriesOver: true },
  { month: 5, day: 9, name: 'Victory Day', carriesOver: true },
  { month: 7, day: 6, name: 'Capital Day', carriesOver: true },
  { month: 8, day: 30, name: 'Constitution Day', carriesOver: true },
  { month: 10, day: 25, name: 'Republic Day', carriesOver: true },
  { month: 12, day: 16, name: 'Independence Day', carriesOver: true },
];

/** A transferred day off: `workday` (a weekend day) becomes a working day and `dayOff` a day off. */
type DayOffTransfer = { readonly workday: LocalDate; readonly dayOff: LocalDate; readonly act: string };

type YearVariables = {
  /** First day of Kurban Ait (Labour Code art. 84(5)); never carried over. */
  readonly kurbanAit: LocalDate;
  readonly transfers: readonly DayOffTransfer[];
};

export const KZ_YEAR_VARIABLES: Readonly<Record<number, YearVariables>> = {
  2024: {
    // ДУМК moved it to Sunday 16 June on 7 June 2024 (the production calendar had Monday 17 June); the
    // Ministry of Labour confirmed that 17 June stayed a working day.
    kurbanAit: localDate('2024-06-16'),
    transfers: [
      {
        workday: localDate('2024-05-04'),
        dayOff: localDate('2024-05-08'),
        act: 'Order of the Minister of Labour and Social Protection "On the transfer of a day of rest in 2024" (April 2024)',
      },
    ],
  },
  2025: {
    kurbanAit: localDate('2025-06-06'),
    transfers: [
      {
        workday: localDate('2025-01-05'),
        dayOff: localDate('2025-01-03'),
        act: 'Order of the Minister of Labour and Social Protection No. 436 of 21 November 2024 "On the transfer of a day of rest in 2025"',
      },
    ],
  },
  2026: {
    // ДУМК calendar of 6 November 2025 ("may move by one day with the new moon").
    kurbanAit: localDate('2026-05-27'),
    // No transfer act for 2026 was known when this data was prepared; the published production calendar
    // (246 working days) has only the statutory carry-overs.
    transfers: [],
  },
  2027: {
    // UNCERTAIN: astronomical estimate (10 Dhu al-Hijjah 1448), not yet announced by ДУМК; it may be
    // Monday 17 May, which would make that day a day off. No transfer act is known for 2027.
    kurbanAit: localDate('2027-05-16'),
    transfers: [],
  },
};
