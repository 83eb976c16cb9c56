import type { Db } from '@kezek/db';
import { sql } from 'kysely';

export type AuditTrailRow = {
  id: number;
  at: Date;
  actor_type: 'applicant' | 'staff' | 'system' | 'public';
  actor_id: string | null;
  staff_name: string | null;
  action: string;
  data: unknown;
};

export type ApplicationAuditRepository = ReturnType<typeof applicationAuditRepository>;

/** The audit trail of one application, with the staff member's name where a staff member acted. */
export function applicationAuditRepository(db: Db) {
  return {
    trail: (applicationId: string): Promise<AuditTrailRow[]> =>
      db
        .selectFrom('audit_log as l')
        // actor_id is text (a job name for the system), so the staff ID is compared as text.
        .leftJoin('staff_users as u', (join) =>
          join.on(sql<boolean>`u.id::text = l.actor_id`).on('l.actor_type', '=', 'staff'),
        )
        .select([
          'l.id',
          'l.at',
          'l.actor_type',
          'l.actor_id',
          'u.full_name as staff_name',
          'l.action',
          'l.data',
        ])
        .where('l.entity_type', '=', 'application')
        .where('l.entity_id', '=', applicationId)
        .orderBy('l.id')
        .execute(),
  };
}
