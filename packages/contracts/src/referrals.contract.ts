import { z } from '@hono/zod-openapi';
import { ZLocalizedName } from './common';

/** A claim of a place from the bulletin (R-APPL-04, R-WIN-04..10): one child, or siblings together (R-REF-04). */
export const ZClaimReferral = z
  .object({
    placeId: z.uuid().openapi({ description: 'The place of the bulletin' }),
    applicationIds: z.array(z.uuid()).min(1).max(6).openapi({
      description:
        'The applications claiming: one, or the applicant’s children together (§29) — all get a unit or none',
    }),
  })
  .openapi('ClaimReferral');
export type ClaimReferral = z.infer<typeof ZClaimReferral>;

export const ZClaimHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(100)
    .optional()
    .openapi({ description: 'Required: a retried claim with the same key returns the first result' }),
});

export const ZReferralId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const REFERRAL_STATUSES = [
  'issued',
  'extended',
  'cancelled',
  'expired',
  'revoked',
  'admitted',
  'refused',
] as const;

/** An electronic referral (жолдама, spec §5.2). Dates are national-time texts; `validUntil` is the last valid day. */
export const ZReferral = z
  .object({
    id: z.string(),
    number: z.string(),
    applicationId: z.string(),
    applicationNumber: z.string(),
    child: z
      .object({ fullName: z.string(), birthDate: z.string() })
      .openapi({ description: 'The child referred: whom the kindergarten expects with the referral' }),
    kindergarten: z.object({ id: z.string(), name: ZLocalizedName }),
    groupId: z.string(),
    group: z
      .object({
        ageGroup: z.string(),
        age: z.number().int(),
        language: z.string(),
        mode: z.string(),
        queue: z.string(),
      })
      .openapi({
        description: 'The group as the place was reported in it (§28 age, language, stay mode, queue)',
      }),
    placeId: z.string(),
    unit: z.number().int(),
    admission: z.enum(['general', 'earlyBooking', 'temporary']),
    status: z.enum(REFERRAL_STATUSES),
    statusReason: z.string().nullable(),
    phase: z.enum(['pendingConfirmation', 'waitingForPlace', 'running']),
    issuedAt: z.string(),
    cancelDeadline: z.string(),
    confirmBy: z.string().nullable(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    extended: z.boolean(),
    siblingGroup: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Referral');
export type ReferralView = z.infer<typeof ZReferral>;

export const ZReferralList = z.object({ items: z.array(ZReferral) }).openapi('ReferralList');
export type ReferralList = z.infer<typeof ZReferralList>;

/** §30, R-REF-10: one extension, in calendar days, with its reason (the domain refuses more than the policy's 30). */
export const ZExtendReferral = z
  .object({
    days: z.number().int().min(1).max(366),
    reason: z.enum(['illness', 'treatment', 'businessTrip', 'leave']),
  })
  .openapi('ExtendReferral');
export type ExtendReferral = z.infer<typeof ZExtendReferral>;

/** R-REF-07, R-REF-08: the provider's check of the originals shown after the referral. */
export const ZConfirmReferral = z
  .object({
    result: z.enum(['confirmed', 'privilegeNotConfirmed', 'identityNotConfirmed']).openapi({
      description:
        'confirmed: the referral runs (or waits for its early-booked place); privilegeNotConfirmed: cancelled, the application re-queued without the privilege; identityNotConfirmed: expired, re-queued',
    }),
  })
  .openapi('ConfirmReferral');
export type ConfirmReferral = z.infer<typeof ZConfirmReferral>;
