import {
  instantFromEpochMs,
  isCategoryCode,
  localDate,
  localDateOf,
  parseQueueKind,
  type Application,
  type CategoryCode,
} from '@kezek/domain';
import type { ApplicationRecord } from '../applications.repository';

const categoryCodes = (codes: readonly string[]): CategoryCode[] => codes.filter(isCategoryCode);

/**
 * A stored application as the domain's state machine sees it (spec §5.1), so the jobs decide with the same
 * functions as the replay. While pending, the claimed categories (`pending_categories`) count too: the domain
 * keeps a pending application's claims in its one list until verification decides them (R-ELIG-15).
 */
export function toDomainApplication(record: ApplicationRecord): Application {
  const queue = parseQueueKind(record.queue);
  if (!queue.ok) throw new Error(`application ${record.id}: stored queue "${record.queue}": ${queue.error}`);
  const interestFrom = record.interest_confirmed_at ?? record.submitted_at;
  return {
    id: record.id,
    child: {
      id: record.child_id,
      birthDate: localDate(record.child_birth_date),
      ...(record.child_iin === null ? {} : { iin: record.child_iin }),
      sen: record.child_sen,
      pmpcConclusion: record.child_pmpc_conclusion,
    },
    applicant: record.applicant_id,
    settlement: record.settlement_kato,
    queue: queue.value,
    categories: categoryCodes(
      record.status === 'pending' ? [...record.categories, ...record.pending_categories] : record.categories,
    ),
    submittedAt: instantFromEpochMs(record.submitted_at.getTime()),
    registrationSeq: Number(record.registration_seq),
    status: record.status,
    ...(record.status_reason === null ? {} : { statusReason: record.status_reason }),
    interestFrom: localDateOf(instantFromEpochMs(interestFrom.getTime())),
    everQueued: record.verified_at !== null,
    privilegeUsed: record.privilege_used,
  };
}
