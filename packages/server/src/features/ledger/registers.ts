import type { ApplicationsTable, LedgerLogName, ReferralsTable } from '@kezek/db';
import { canonicalJson } from '@kezek/domain';
import type { Selectable } from 'kysely';
import { sha256 } from '../../platform/sha256';
import type { LedgerRepository } from './ledger.repository';
import type { RegisterEntry } from './register-leaf';

/**
 * The registers of §24(7) and how each entity's row becomes its log's view of it. An audited change of an entity
 * whose type is listed here appends a leaf (features/audit/audit.repository.ts) — the one place that makes
 * forgetting it impossible.
 */
export type Register = {
  log: LedgerLogName;
  /** The audit log's entity_type of this register's entities. */
  entityType: string;
  /** The given entities' rows, or every row (the auditor's recomputation). */
  entries: (repo: LedgerRepository, ids?: readonly string[]) => Promise<RegisterEntry[]>;
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
      // bigint: a string from node-postgres, a number from PGlite; the leaf says the same on both.
      registrationSeq: Number(row.registration_seq),
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
      representationToVerify: row.representation_to_verify,
    },
  };
}

/**
 * Public: the referral's number, status and phase and where it sends the child (kindergarten, place, unit) — what
 * the kindergarten and the bulletins show anyway. Committed: whose it is (application, child) and its deadlines.
 */
export function referralEntry(row: Selectable<ReferralsTable> & { kindergarten_id: string }): RegisterEntry {
  return {
    entityId: row.id,
    version: row.version,
    state: {
      number: row.number,
      status: row.status,
      phase: row.phase,
      admission: row.admission,
      kindergarten: row.kindergarten_id,
      place: row.place_id,
      unit: row.unit,
      issuedAt: row.issued_at.toISOString(),
    },
    personal: {
      applicationId: row.application_id,
      childId: row.child_id,
      windowId: row.window_id === null ? null : String(row.window_id),
      statusReason: row.status_reason,
      cancelDeadline: iso(row.cancel_deadline),
      confirmBy: row.confirm_by,
      validFrom: iso(row.valid_from),
      validUntil: row.valid_until,
      extended: row.extended,
      extensionDays: row.extension_days,
      extensionReason: row.extension_reason,
      extensionRequestedAt: iso(row.extension_requested_at),
      siblingGroup: row.sibling_group,
      privileged: row.privileged,
      admittedAt: iso(row.admitted_at),
      idempotencyKey: row.idempotency_key,
      updatedAt: iso(row.updated_at),
    },
    // A referral's change moves its application (referred, back to the queue): that change is logged too.
    related: [{ entityType: 'application', entityId: row.application_id }],
  };
}

type StoredBulletin = Awaited<ReturnType<LedgerRepository['bulletins']>>[number];

const sha256Hex = (value: unknown): string => {
  const json = canonicalJson(value);
  if (!json.ok) throw new TypeError(`bulletin has no canonical JSON: ${json.error}`);
  return Buffer.from(sha256(new TextEncoder().encode(json.value))).toString('hex');
};

/**
 * A bulletin is public through and through (no personal data): its leaf carries the settlement, date, counts and
 * SHA-256 of the canonical JSON of its items and of the revocations it published, so the leaf stays small and
 * any change of an item is detected. Bulletins are immutable: version 1.
 */
export function bulletinEntry({ bulletin, items, revocations }: StoredBulletin): RegisterEntry {
  return {
    entityId: String(bulletin.id),
    version: 1,
    state: {
      settlement: bulletin.settlement_kato,
      date: bulletin.bulletin_date,
      publishedAt: bulletin.published_at.toISOString(),
      items: bulletin.items_count,
      revoked: bulletin.revoked_count,
      itemsHash: sha256Hex(
        items.map((item) => ({
          position: item.position,
          place: item.place_id,
          unit: item.unit,
          queue: item.queue_key,
          kindergarten: item.kindergarten_id,
          group: item.group_id,
          birthYear: item.birth_year,
          age: item.age,
          language: item.language,
          mode: item.mode,
          admission: item.admission,
          startDate: item.start_date,
          freeFrom: item.free_from,
          until: item.until,
        })),
      ),
      revokedHash: sha256Hex(
        revocations.map((revocation) => ({
          place: revocation.place_id,
          units: revocation.published_units,
          reason: revocation.reason,
        })),
      ),
    },
    personal: {},
  };
}

export const REGISTERS: readonly Register[] = [
  {
    log: 'applications',
    entityType: 'application',
    entries: async (repo, ids) => (await repo.applications(ids)).map(applicationEntry),
  },
  {
    log: 'referrals',
    entityType: 'referral',
    entries: async (repo, ids) => (await repo.referrals(ids)).map(referralEntry),
  },
  {
    log: 'bulletins',
    entityType: 'bulletin',
    entries: async (repo, ids) => (await repo.bulletins(ids)).map(bulletinEntry),
  },
];

export const registerOfEntity = (entityType: string): Register | undefined =>
  REGISTERS.find((register) => register.entityType === entityType);

export const registerOfLog = (log: LedgerLogName): Register | undefined =>
  REGISTERS.find((register) => register.log === log);
