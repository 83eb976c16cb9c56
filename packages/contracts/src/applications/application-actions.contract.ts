import { z } from '@hono/zod-openapi';
import { ZMobile } from './application.contract';

export const REJECTION_REASONS = [
  'unreliableData',
  'nonCompliance',
  'noConsent',
  'incompleteDocuments',
  'expiredDocuments',
] as const;

/** A clerk's document verification (R-ELIG-11..15): confirm with the confirmed categories, or reject. */
export const ZVerifyApplication = z
  .discriminatedUnion('result', [
    z.object({
      result: z.literal('confirmed'),
      version: z
        .number()
        .int()
        .min(1)
        .openapi({ description: 'The version the clerk checked (optimistic concurrency)' }),
      confirmedCategories: z.array(z.string()).optional().openapi({
        description: 'Claimed categories whose documents were confirmed; the others are dropped (R-ELIG-15)',
      }),
    }),
    z.object({
      result: z.literal('rejected'),
      version: z.number().int().min(1),
      reason: z.enum(REJECTION_REASONS),
      /** Annex 3: the documents that are missing or expired, listed on the refusal receipt. */
      missingDocuments: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
      comment: z.string().max(500).optional(),
    }),
  ])
  .openapi('VerifyApplication');
export type VerifyApplication = z.infer<typeof ZVerifyApplication>;

/** Contact data and language (R-APPL-02). Optimistic concurrency: `version` must be the current one. */
export const ZModifyApplication = z
  .object({
    version: z.number().int().min(1),
    smsNumbers: z.array(ZMobile).max(2, 'at most two SMS numbers (R-NOTIF-01)').optional(),
    email: z.email().max(200).nullable().optional(),
    language: z.enum(['kk', 'ru']).optional(),
  })
  .openapi('ModifyApplication');
export type ModifyApplication = z.infer<typeof ZModifyApplication>;

/** The applicant claims categories (pending until confirmed); a clerk's change is confirmed at once (R-ORDER-07). */
export const ZChangeCategories = z
  .object({ version: z.number().int().min(1), categories: z.array(z.string().min(1).max(40)).max(10) })
  .openapi('ChangeCategories');
export type ChangeCategories = z.infer<typeof ZChangeCategories>;

export const ZStopList = z
  .discriminatedUnion('on', [
    z.object({ on: z.literal(true), reason: z.string().trim().min(3).max(500) }),
    z.object({ on: z.literal(false), reason: z.string().trim().max(500).optional() }),
  ])
  .openapi('StopList');
export type StopList = z.infer<typeof ZStopList>;

export const ZVersionOnly = z.object({ version: z.number().int().min(1) }).openapi('VersionOnly');

/**
 * Annex 3 («Құжаттарды қабылдаудан бас тарту туралы қолхат»): the receipt of a refusal to accept documents,
 * issued in two copies (R-REFUSE-02), naming the legal ground (R-REFUSE-01).
 */
export const ZRefusalReceipt = z
  .object({
    applicationNumber: z.string(),
    serviceName: z.object({ kk: z.string(), ru: z.string() }),
    recipient: z.object({ fullName: z.string(), iin: z.string() }),
    issuerUnit: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
    reason: z.enum(REJECTION_REASONS),
    rule: z.string(),
    missingDocuments: z.array(z.string()),
    comment: z.string().nullable(),
    executor: z.object({ fullName: z.string() }),
    issuedAt: z.string(),
    copies: z.literal(2),
  })
  .openapi('RefusalReceipt');
export type RefusalReceipt = z.infer<typeof ZRefusalReceipt>;
