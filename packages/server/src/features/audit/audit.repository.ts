import type { AuditLogTable, Db } from '@kezek/db';
import type { Insertable } from 'kysely';
import type { Actor } from '../../platform/actor';
import { appendRegisterLeaf } from '../ledger/append-register-leaf';
import { ledgerRepository } from '../ledger/ledger.repository';

export type AuditEntry = {
  at: Date;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  requestId?: string | undefined;
  data?: Record<string, unknown>;
};

function actorColumns(actor: Actor): Pick<Insertable<AuditLogTable>, 'actor_type' | 'actor_id'> {
  switch (actor.kind) {
    case 'public':
      return { actor_type: 'public', actor_id: null };
    case 'applicant':
      return { actor_type: 'applicant', actor_id: actor.applicantId };
    case 'staff':
      return { actor_type: 'staff', actor_id: actor.userId };
    case 'system':
      return { actor_type: 'system', actor_id: actor.job };
  }
}

export type AuditRepository = ReturnType<typeof auditRepository>;

/**
 * Who did what, when — written by use cases in the same transaction as the change. An audited change of a
 * register entity (application, referral, bulletin) also appends its leaf to the register's log (R-SYS-08).
 */
export function auditRepository(db: Db) {
  const ledger = ledgerRepository(db);
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at,
          ...actorColumns(entry.actor),
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          request_id: entry.requestId ?? null,
          data: JSON.stringify(entry.data ?? {}),
        })
        .execute();
      await appendRegisterLeaf(ledger, entry);
    },

    trail: (entityType: string, entityId: string) =>
      db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor_type', 'actor_id', 'action', 'data'])
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute(),
  };
}
