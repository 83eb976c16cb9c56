import { z } from '@hono/zod-openapi';
import { ZLedgerReceipt } from './ledger.contract';
import { ZKato, ZLocalizedName, ZPageQuery, pageOf } from './common';
import { PLACE_ADMISSIONS, PLACE_MODES, REVOCATION_REASONS } from './places.contract';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const ZBulletinListQuery = ZPageQuery.extend({
  settlement: ZKato.optional(),
  date: ZDate.optional().openapi({ description: 'Only the bulletins of this day (national time)' }),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type BulletinListQuery = z.infer<typeof ZBulletinListQuery>;

export const ZBulletinSummary = z
  .object({
    id: z.number().int(),
    settlement: z.object({ kato: ZKato, name: ZLocalizedName }),
    date: ZDate,
    publishedAt: z.string(),
    vacated: z.number().int().openapi({ description: 'Units handed over for distribution' }),
    revoked: z.number().int().openapi({ description: 'Revocations (taken-back places) in the protocol' }),
  })
  .openapi('BulletinSummary');
export type BulletinSummary = z.infer<typeof ZBulletinSummary>;

export const ZBulletinPage = pageOf(ZBulletinSummary).openapi('BulletinPage');
export type BulletinPage = z.infer<typeof ZBulletinPage>;

export const ZBulletinId = z.object({ id: z.coerce.number().int().min(1) });

/** Filters of a bulletin's items: a child's age (calendar-year, §28), group language, stay mode, admission. */
export const ZBulletinItemsQuery = ZPageQuery.extend({
  age: z.coerce.number().int().min(0).max(7).optional(),
  birthYear: z.coerce.number().int().min(2000).max(2100).optional(),
  language: z.enum(['kk', 'ru', 'en', 'uz', 'ug', 'tg']).optional(),
  mode: z.enum(PLACE_MODES).optional(),
  admission: z.enum(PLACE_ADMISSIONS).optional(),
});
export type BulletinItemsQuery = z.infer<typeof ZBulletinItemsQuery>;

export const ZBulletinItem = z
  .object({
    placeId: z.string().uuid(),
    unit: z.number().int(),
    position: z.number().int(),
    queueKey: z.string(),
    kindergarten: z.object({ id: z.string().uuid(), name: ZLocalizedName }),
    groupId: z.string().uuid(),
    birthYear: z.number().int(),
    age: z.number().int(),
    language: z.string(),
    mode: z.enum(PLACE_MODES),
    admission: z.enum(PLACE_ADMISSIONS),
    startDate: ZDate.nullable(),
    freeFrom: ZDate.nullable(),
    until: ZDate.nullable(),
  })
  .openapi('BulletinItem');

export const ZBulletinRevocation = z
  .object({
    placeId: z.string().uuid(),
    kindergarten: z.object({ id: z.string().uuid(), name: ZLocalizedName }),
    units: z.number().int(),
    reason: z.enum(REVOCATION_REASONS),
    revokedAt: z.string(),
    cancelledReferrals: z
      .number()
      .int()
      .openapi({ description: 'How many referrals it cancelled (no numbers)' }),
  })
  .openapi('BulletinRevocation');

export const ZBulletin = z
  .object({
    bulletin: ZBulletinSummary,
    items: pageOf(ZBulletinItem),
    revocations: z.array(ZBulletinRevocation),
    ledger: ZLedgerReceipt.optional().openapi({
      description:
        "The bulletin's entry in the bulletins register (R-SYS-08): its leaf, and the proof once a signed head covers it",
    }),
  })
  .openapi('Bulletin');
export type BulletinView = z.infer<typeof ZBulletin>;
