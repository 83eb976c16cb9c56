import type { ApplicationsTable, LedgerLogName } from '@kezek/db';
import type { Selectable } from 'kysely';
import type { LedgerRepository } from './ledger.repository';
import type { RegisterEntry } from './register-leaf';

/**
 * The registers of §24(7) and how each entity's row becomes its log's view of it. An audited change of an entity
 * whose type is listed here appends a leaf (features/audit/audit.repository.ts) — the one place that makes
 * forgetting it impossible. Referrals and bulletins join this table when their tables exist.
 */
export type Register = {
  log: LedgerLogName;
  /** The audit log's entity_type of this register's entities. */
  entityType: string;
  /** The given entities' rows, or every row (the auditor's recomputation). */
  entries: (repo: LedgerRepository, ids?: readonly string[]) => Promise<RegisterEntry[]>;
  /** Rows that have no leaf at all (written before logging began, or imported in bulk). */
  unlogged: (repo: LedgerRepository, limit: number) => Promise<RegisterEntry[]>;
};

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

/**
 * Public: what the order publishes about an application anyway (number, status, queue, place in time), never who.
 * Committed: every other column, so changing any of them without a new leaf is detected.
 */
export function applicationEntry(row: Selectable<ApplicationsTable>): RegisterEntry {
  return {
    entityId: row.id,
    version: row.version,
    state: {
      number: row.number,
      status: row.status,
      queue: row.queue,
      settlement: row.settlement_kato,
      birthYear: row.birth_year,
      channel: row.channel,
      submittedAt: row.submitted_at.toISOString(),
      registrationSeq: row.registration_seq,
    },
    personal: {
      applicantId: row.applicant_id,
      childId: row.child_id,
      categories: row.categories,
      pendingCategories: row.pending_categories,
      privilegeUsed: row.privilege_used,
      smsNumbers: row.sms_numbers,
      email: row.email,
      language: row.language,
      statusReason: row.status_reason,
      checkDueAt: iso(row.check_due_at),
      originalsDueAt: iso(row.originals_due_at),
      verifiedAt: iso(row.verified_at),
      interestConfirmedAt: iso(row.interest_confirmed_at),
      idempotencyKey: row.idempotency_key,
      updatedAt: iso(row.updated_at),
    },
  };
}

export const REGISTERS: readonly Register[] = [
  {
    log: 'applications',
    entityType: 'application',
    entries: async (repo, ids) => (await repo.applications(ids)).map(applicationEntry),
    unlogged: async (repo, limit) => (await repo.applicationsWithoutLeaf(limit)).map(applicationEntry),
  },
];

export const registerOfEntity = (entityType: string): Register | undefined =>
  REGISTERS.find((register) => register.entityType === entityType);

export const registerOfLog = (log: LedgerLogName): Register | undefined =>
  REGISTERS.find((register) => register.log === log);
