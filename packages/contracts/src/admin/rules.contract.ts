import { z } from '@hono/zod-openapi';
import { ZKato, ZLocalizedName } from '../common';

const ZIsoDate = z.iso.date().openapi({ example: '2027-01-01' });

/** The policy of Order 254 as the regional admin sees it (every field; spec §4.7 and the replay's policy table). */
export const ZPolicyValues = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .openapi('PolicyValues');

/** A new policy change: in force from 00:00 national time of `effectiveFrom`, a date after today (G-12). */
export const ZNewPolicyChange = z
  .object({
    region: ZKato.nullable().openapi({
      description: 'null: nationwide; a region outranks a nationwide change',
    }),
    effectiveFrom: ZIsoDate,
    set: z.record(z.string(), z.unknown()).openapi({
      description: 'The fields to change and their values; a field not named keeps its value',
      example: { windowOpens: '08:00', leftoverFirstN: 500 },
    }),
    reason: z.string().trim().min(3).max(500).openapi({ description: 'The regional act or the reason' }),
  })
  .openapi('NewPolicyChange');
export type NewPolicyChange = z.infer<typeof ZNewPolicyChange>;

export const ZPolicyChange = z
  .object({
    id: z.number().int(),
    region: ZKato.nullable(),
    effectiveFrom: z.string().openapi({ description: 'National time' }),
    set: ZPolicyValues,
    reason: z.string(),
    createdAt: z.string(),
  })
  .openapi('PolicyChange');

export const ZPolicyQuery = z.object({
  region: ZKato.optional().openapi({
    description: 'The region whose policy in force is shown; default: nationwide',
  }),
});

/** The policy in force now for a region (or nationwide), the regulation defaults and every change, newest first. */
export const ZPolicyOverview = z
  .object({
    region: ZKato.nullable(),
    inForce: ZPolicyValues,
    defaults: ZPolicyValues,
    changes: z.array(ZPolicyChange),
  })
  .openapi('PolicyOverview');
export type PolicyOverview = z.infer<typeof ZPolicyOverview>;

export const ZCalendarYearParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

/** A year's exceptions to Monday–Friday (R-TIME-02): weekday days off and working weekend days. */
export const ZCalendarYearInput = z
  .object({
    holidays: z.array(ZIsoDate).max(60),
    workdays: z.array(ZIsoDate).max(20),
    source: z
      .string()
      .trim()
      .min(3)
      .max(500)
      .openapi({ description: 'The Government act (number and date)' }),
  })
  .openapi('CalendarYearInput');
export type CalendarYearInput = z.infer<typeof ZCalendarYearInput>;

export const ZCalendarYear = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    source: z.string().openapi({ description: '`built-in` for the calendar shipped with Kezek' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('CalendarYear');
export type CalendarYearView = z.infer<typeof ZCalendarYear>;

/** Regions → districts → settlements with their KATO codes and names. */
export const ZTerritory = z
  .object({
    regions: z.array(
      z.object({
        kato: ZKato,
        name: ZLocalizedName,
        districts: z.array(
          z.object({
            kato: ZKato,
            name: ZLocalizedName,
            settlements: z.array(z.object({ kato: ZKato, name: ZLocalizedName })),
          }),
        ),
      }),
    ),
  })
  .openapi('Territory');
export type Territory = z.infer<typeof ZTerritory>;

export const ZNewSettlement = z
  .object({
    kato: ZKato,
    district: ZKato,
    name: z.object({
      kk: z.string().trim().min(2).max(200),
      ru: z.string().trim().min(2).max(200),
      en: z.string().trim().min(2).max(200),
    }),
  })
  .openapi('NewSettlement');
export type NewSettlement = z.infer<typeof ZNewSettlement>;
