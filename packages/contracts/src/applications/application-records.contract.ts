import { z } from '@hono/zod-openapi';
import { ZApplicationListQuery } from './application.contract';

/** One line of an application's audit trail: who did what, when (R-SYS-08 trail, staff view). */
export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string().openapi({ description: 'National time with offset' }),
  action: z
    .string()
    .openapi({ example: 'application.verified', description: 'Stable code; the UI localises it' }),
  actor: z.object({
    kind: z.enum(['applicant', 'staff', 'system', 'public']),
    name: z.string().nullable().openapi({ description: 'Staff full name, or the job name for the system' }),
  }),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof ZAuditEntry>;

/** GET /api/applications/{id}/audit — oldest first. */
export const ZAuditTrail = z
  .object({ applicationId: z.string().uuid(), entries: z.array(ZAuditEntry) })
  .openapi('AuditTrail');
export type AuditTrailView = z.infer<typeof ZAuditTrail>;

/** GET /api/exports/applications — the work-list filters without paging; the answer is CSV. */
export const ZApplicationExportQuery = ZApplicationListQuery.omit({ page: true, pageSize: true });
export type ApplicationExportQuery = z.infer<typeof ZApplicationExportQuery>;

/** The most rows one export returns; a larger selection must be narrowed by a filter. */
export const EXPORT_ROW_LIMIT = 20_000;
