import { APPLICATION_STATUSES } from '@kezek/domain';
import { z } from '@hono/zod-openapi';
import { ZKato, ZPageQuery, pageOf } from '../common';

export { APPLICATION_STATUSES };
export const CHANNELS = ['portal', 'office', 'stateCorp', 'proactive', 'oneApplication'] as const;

export const ZIin = z
  .string()
  .regex(/^\d{12}$/, 'an IIN is 12 digits')
  .openapi({ example: '220410500019', description: 'Individual identification number (ЖСН / ИИН)' });

/** The mobile operator codes of Kazakhstan's numbering plan (7XX after +7); shared with the SMS port. */
export const KZ_MOBILE_CODES = '0[0-8]|47|5[01]|6[0-4]|7[15-8]';

/** Kazakhstan mobile number, normalised by the server to +7 7XX XXX XX XX. */
export const ZMobile = z
  .string()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^(\\+7|8)7(${KZ_MOBILE_CODES})\\d{7}$`),
        'a Kazakhstan mobile number: +7 7XX XXX XX XX',
      ),
  )
  .openapi({ example: '+7 701 234 56 78' });

export const ZQueueKind = z
  .string()
  .regex(
    /^(general|special:[a-z][A-Za-z]*|sanatorium:[a-z][A-Za-z]*)$/,
    'general, special:<disorder> or sanatorium:<profile>',
  )
  .openapi({ example: 'general' });

export const ZApplication = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    statusReason: z.string().nullable(),
    channel: z.enum(CHANNELS),
    queueKey: z.string().openapi({ example: '751110000/2022/general' }),
    settlement: ZKato,
    birthYear: z.number().int(),
    queue: z.string(),
    categories: z.array(z.string()),
    pendingCategories: z.array(z.string()),
    representationToVerify: z.boolean().openapi({
      description:
        "R-ELIG-11: the individuals database does not record the applicant as the child's parent; the clerk checks the document of legal representation before confirming",
    }),
    group: z.enum(['O', 'P', 'G']),
    language: z.string(),
    child: z.object({ iin: z.string().nullable(), fullName: z.string(), birthDate: z.string() }),
    applicant: z.object({ iin: z.string(), fullName: z.string() }),
    smsNumbers: z.array(z.string()),
    email: z.string().nullable(),
    submittedAt: z.string().openapi({ description: 'Ordering time (R-ELIG-20), national time with offset' }),
    checkDueAt: z.string(),
    originalsDueAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    interestConfirmedAt: z.string().nullable(),
    position: z.number().int().nullable().openapi({ description: 'Queue number; null unless queued (G-06)' }),
    version: z.number().int(),
  })
  .openapi('Application');
export type ApplicationView = z.infer<typeof ZApplication>;

export const ZApplicationId = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ZApplicationListQuery = ZPageQuery.extend({
  district: ZKato.optional(),
  settlement: ZKato.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  category: z
    .string()
    .regex(/^[a-z][A-Za-z]*$/)
    .optional(),
  slaBreached: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({
      description: 'Only pending applications past their 30-minute check or 5-working-day originals deadline',
    }),
  q: z.string().trim().min(3).max(40).optional().openapi({ description: 'Application number or an IIN' }),
});
export type ApplicationListQuery = z.infer<typeof ZApplicationListQuery>;

export const ZApplicationPage = pageOf(ZApplication).openapi('ApplicationPage');
export type ApplicationPage = z.infer<typeof ZApplicationPage>;
