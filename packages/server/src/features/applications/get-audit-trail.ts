import type { AuditTrailView } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import type { ApplicationAuditRepository, AuditTrailRow } from './application-audit.repository';
import { readApplication } from './application-change';
import type { ApplicationsRepository } from './applications.repository';

/** Roles that review applications and so may read who changed one and when. */
export const AUDIT_READERS = ['clerk', 'regionalAdmin', 'auditor'] as const;

const dataOf = (value: unknown): Record<string, unknown> => {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
};

const actorName = (row: AuditTrailRow): string | null =>
  row.actor_type === 'staff' ? row.staff_name : row.actor_type === 'system' ? row.actor_id : null;

/** An application's audit trail for the staff who may see the application, oldest first. */
export async function getAuditTrail(
  deps: {
    applications: Pick<ApplicationsRepository, 'byId'>;
    audit: ApplicationAuditRepository;
    format: (at: Date) => string;
  },
  actor: Actor,
  id: string,
): Promise<AuditTrailView> {
  requireStaff(actor, AUDIT_READERS);
  const record = await readApplication(deps.applications, actor, id);
  const rows = await deps.audit.trail(record.id);
  return {
    applicationId: record.id,
    entries: rows.map((row) => ({
      id: Number(row.id),
      at: deps.format(row.at),
      action: row.action,
      actor: { kind: row.actor_type, name: actorName(row) },
      data: dataOf(row.data),
    })),
  };
}
