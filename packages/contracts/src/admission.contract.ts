import { z } from '@hono/zod-openapi';
import { ADMISSION_DOCUMENT_KINDS } from '@kezek/domain';

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/**
 * R-ADM-01, R-ADM-02, R-ADM-09: the kindergarten checked the documents (Annex 4, the second verification) and
 * admits the child on a contract; the health certificate must be at most 3 days older than the contract (R-ADM-05).
 */
const ZSignature = z.string().min(1).max(100_000).optional().openapi({
  description:
    "R-ADM-03: the kindergarten's EDS (NCALayer, detached CMS in base64) over admissionDecisionPayload(...) — required when the parent asked on the portal",
});

export const ZAdmitReferral = z
  .object({
    contractNumber: z.string().trim().min(1).max(50),
    contractDate: ZLocalDate,
    healthCertificateIssuedOn: ZLocalDate,
    signature: ZSignature,
  })
  .openapi('AdmitReferral');
export type AdmitReferral = z.infer<typeof ZAdmitReferral>;

/** §34, R-ADM-04, R-ADM-06, R-ADM-10: the legal reason of a refusal to admit. */
export const ZRefuseAdmission = z
  .object({
    reason: z.enum(['missingDocuments', 'expiredDocuments', 'medicalContraindication']),
    signature: ZSignature,
  })
  .openapi('RefuseAdmission');
export type RefuseAdmission = z.infer<typeof ZRefuseAdmission>;

/**
 * R-ADM-03: the text the kindergarten signs for a decision on a portal request — the same on both sides (the
 * browser signs it with NCALayer, the server verifies the signature over it): one line per fact, in this order.
 */
export function admissionDecisionPayload(input: {
  referralNumber: string;
  decision: 'admitted' | 'refused';
  contractNumber?: string;
  contractDate?: string;
  reason?: string;
}): string {
  return [
    'kezek:admission-decision:1',
    `referral=${input.referralNumber}`,
    `decision=${input.decision}`,
    ...(input.decision === 'admitted'
      ? [`contractNumber=${input.contractNumber ?? ''}`, `contractDate=${input.contractDate ?? ''}`]
      : [`reason=${input.reason ?? ''}`]),
  ].join('\n');
}

/** R-ADM-01, R-ADM-03: the parent sends the e-copies of the admission documents on the portal. */
export const ZRequestAdmission = z
  .object({
    documents: z
      .array(
        z.object({
          kind: z.enum(ADMISSION_DOCUMENT_KINDS),
          reference: z.string().trim().min(1).max(200).openapi({
            description: "The e-copy: an e-document number, or the uploaded file's name",
          }),
          issuedOn: ZLocalDate.optional(),
        }),
      )
      .min(1)
      .max(10),
  })
  .openapi('RequestAdmission');
export type RequestAdmission = z.infer<typeof ZRequestAdmission>;

/** The admission case of a referral: the parent's portal request (if any) and the kindergarten's decision. */
export const ZAdmissionCase = z
  .object({
    referralId: z.string(),
    required: z.array(z.enum(ADMISSION_DOCUMENT_KINDS)).openapi({
      description: 'R-ADM-01, ADR 0014: the e-copies a portal request must carry for this child',
    }),
    signer: z.enum(['ncalayer', 'development']).openapi({
      description:
        'How the kindergarten signs its decision on a portal request: NCALayer, or (a development server only) the stand-in at POST /api/dev/signature as DEVELOPMENT_STAFF_SIGNER_IIN',
    }),
    request: z
      .object({
        receivedAt: z.string(),
        registeredOn: z
          .string()
          .openapi({ description: 'The day of receipt; after hours the next working day' }),
        checkDueAt: z
          .string()
          .openapi({ description: 'Completeness checked by then: 30 minutes of working time' }),
        documents: z.array(
          z.object({
            kind: z.enum(ADMISSION_DOCUMENT_KINDS),
            reference: z.string(),
            issuedOn: z.string().nullable(),
          }),
        ),
        missing: z.array(z.enum(ADMISSION_DOCUMENT_KINDS)).openapi({
          description: 'R-ADM-01: required e-copies not sent — a ground for a reasoned refusal',
        }),
      })
      .nullable(),
    decision: z
      .object({
        decision: z.enum(['admitted', 'refused']),
        reason: z.string().nullable(),
        contractNumber: z.string().nullable(),
        contractDate: z.string().nullable(),
        decidedAt: z.string(),
        signed: z.boolean(),
        signerIin: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('AdmissionCase');
export type AdmissionCase = z.infer<typeof ZAdmissionCase>;
