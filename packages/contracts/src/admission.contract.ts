import { z } from '@hono/zod-openapi';

const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/**
 * R-ADM-01, R-ADM-02, R-ADM-09: the kindergarten checked the documents (Annex 4, the second verification) and
 * admits the child on a contract; the health certificate must be at most 3 days older than the contract (R-ADM-05).
 */
export const ZAdmitReferral = z
  .object({
    contractNumber: z.string().trim().min(1).max(50),
    contractDate: ZLocalDate,
    healthCertificateIssuedOn: ZLocalDate,
  })
  .openapi('AdmitReferral');
export type AdmitReferral = z.infer<typeof ZAdmitReferral>;

/** §34, R-ADM-04, R-ADM-06, R-ADM-10: the legal reason of a refusal to admit. */
export const ZRefuseAdmission = z
  .object({ reason: z.enum(['missingDocuments', 'expiredDocuments', 'medicalContraindication']) })
  .openapi('RefuseAdmission');
export type RefuseAdmission = z.infer<typeof ZRefuseAdmission>;
