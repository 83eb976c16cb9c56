import { z } from '@hono/zod-openapi';
import { ZKato, ZLocalizedName } from './common';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const PLACE_ADMISSIONS = ['general', 'earlyBooking', 'temporary'] as const;
export const REVOCATION_REASONS = ['capitalRepair', 'quarantine', 'stateOrderCancelled', 'closure'] as const;
export const PLACE_MODES = ['full', 'half', '24h'] as const;

export const ZKindergartenId = z.object({ id: z.string().uuid() });
export const ZPlaceId = z.object({ id: z.string().uuid() });

export const ZGroup = z
  .object({
    id: z.string().uuid(),
    ageGroup: z.string(),
    age: z.number().int().openapi({ description: 'Calendar-year age of the children (§28)' }),
    language: z.string(),
    groupType: z.enum(['general', 'special', 'sanatorium']),
    specialization: z.string().nullable(),
    mode: z.enum(PLACE_MODES),
    capacity: z.number().int(),
    queue: z
      .string()
      .openapi({ description: 'The queue the group serves: general, special:<d>, sanatorium:<p>' }),
  })
  .openapi('Group');
export type GroupView = z.infer<typeof ZGroup>;

export const ZUnitCounts = z.object({
  reported: z.number().int(),
  published: z.number().int(),
  reserved: z.number().int(),
  occupied: z.number().int(),
  revoked: z.number().int(),
});

export const ZPlace = z
  .object({
    id: z.string().uuid(),
    kindergartenId: z.string().uuid(),
    groupId: z.string().uuid(),
    settlement: ZKato,
    queue: z.string(),
    age: z.number().int(),
    birthYear: z.number().int().nullable().openapi({ description: 'Fixed at first publication (R-REF-03)' }),
    language: z.string(),
    mode: z.enum(PLACE_MODES),
    admission: z.enum(PLACE_ADMISSIONS),
    startDate: ZDate.nullable(),
    freeFrom: ZDate.nullable(),
    until: ZDate.nullable(),
    attendanceRestriction: z.string().nullable(),
    status: z.enum(['reported', 'published', 'waiting', 'revoked', 'closed']),
    units: ZUnitCounts,
    reportedAt: z.string(),
    vacatedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Place');
export type PlaceView = z.infer<typeof ZPlace>;

export const ZKindergartenPlaces = z
  .object({
    kindergarten: z.object({ id: z.string().uuid(), name: ZLocalizedName, settlement: ZKato }),
    groups: z.array(ZGroup),
    places: z.array(ZPlace),
  })
  .openapi('KindergartenPlaces');
export type KindergartenPlaces = z.infer<typeof ZKindergartenPlaces>;

/** R-KG-01, R-KG-04, R-KG-05: a daily report of places in one group (table 4.4). */
export const ZReportPlaces = z
  .object({
    groupId: z.string().uuid(),
    count: z.number().int().min(1).max(500),
    admission: z.enum(PLACE_ADMISSIONS),
    startDate: ZDate.optional().openapi({ description: 'R-KG-08: a later start publishes as early booking' }),
    freeFrom: ZDate.optional().openapi({ description: 'Early booking: the set vacating date (§3(7))' }),
    until: ZDate.optional().openapi({ description: 'Temporary: the date the stay ends (§25(4))' }),
    attendanceRestriction: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .openapi('ReportPlaces');
export type ReportPlaces = z.infer<typeof ZReportPlaces>;

/** R-KG-02, R-KG-03: take back units; a published unit needs a reason of the closed list. */
export const ZRevokePlaces = z
  .object({
    count: z.number().int().min(1).max(500),
    reason: z.enum(REVOCATION_REASONS).optional(),
  })
  .strict()
  .openapi('RevokePlaces');
export type RevokePlaces = z.infer<typeof ZRevokePlaces>;

export const ZRevocationResult = z
  .object({ place: ZPlace, revokedUnits: z.array(z.number().int()), cancelledReferrals: z.array(z.string()) })
  .openapi('RevocationResult');
export type RevocationResult = z.infer<typeof ZRevocationResult>;
