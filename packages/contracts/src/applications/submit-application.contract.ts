import { z } from '@hono/zod-openapi';
import { ZKato } from '../common';
import { ZLedgerReceipt } from '../ledger.contract';
import { CHANNELS, ZIin, ZMobile, ZQueueKind } from './application.contract';

/** Annex 1 (the application form) plus the Annex 5 consent, as the portal or an operator submits it. */
export const ZSubmitApplication = z
  .object({
    channel: z.enum(CHANNELS).exclude(['proactive', 'oneApplication']).default('portal'),
    applicantIin: ZIin.optional().openapi({
      description: 'Required when staff submit on behalf of an applicant',
    }),
    child: z.object({
      iin: ZIin,
      birthDate: z.iso
        .date()
        .optional()
        .openapi({ description: 'When given, must agree with the IIN (R-ELIG-22)' }),
      sen: z.boolean().default(false),
      pmpcConclusion: z.boolean().default(false),
    }),
    settlement: ZKato,
    queue: ZQueueKind.default('general'),
    categories: z.array(z.string().min(1).max(40)).max(10).default([]),
    smsNumbers: z.array(ZMobile).max(2, 'at most two SMS numbers (R-NOTIF-01)').default([]),
    email: z.email().max(200).optional(),
    language: z.enum(['kk', 'ru']).default('kk'),
    consent: z.literal(true, 'consent to the use of protected personal data is required (R-ELIG-18)'),
  })
  .openapi('SubmitApplication');
export type SubmitApplication = z.infer<typeof ZSubmitApplication>;

export const ZApplicationReceipt = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    status: z.enum(['pending', 'queued']),
    queueKey: z.string(),
    submittedAt: z.string(),
    position: z.number().int().nullable(),
    originalsDueAt: z.string().nullable(),
    ledger: ZLedgerReceipt.optional().openapi({
      description:
        'The register leaf of the submission (R-SYS-08): hash now, proof once signed (docs/ledger.md)',
    }),
  })
  .openapi('ApplicationReceipt');
export type ApplicationReceipt = z.infer<typeof ZApplicationReceipt>;
