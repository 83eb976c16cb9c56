import { orderingGroup } from '@kezek/domain';
import type { ApplicationView } from '@kezek/contracts';
import type { ApplicationChannel } from '@kezek/db';
import type { ApplicationRecord } from './applications.repository';

const iso = (at: Date | null, format: (at: Date) => string): string | null =>
  at === null ? null : format(at);

export const queueKeyOf = (
  record: Pick<ApplicationRecord, 'settlement_kato' | 'birth_year' | 'queue'>,
): string => `${record.settlement_kato}/${record.birth_year}/${record.queue}`;

/** The API's view of an application; `format` renders instants in national time. */
export function toApplicationView(
  record: ApplicationRecord,
  position: number | null,
  format: (at: Date) => string,
): ApplicationView {
  return {
    id: record.id,
    number: record.number,
    status: record.status,
    statusReason: record.status_reason,
    channel: record.channel satisfies ApplicationChannel,
    queueKey: queueKeyOf(record),
    settlement: record.settlement_kato,
    birthYear: record.birth_year,
    queue: record.queue,
    categories: record.categories,
    pendingCategories: record.pending_categories,
    representationToVerify: record.representation_to_verify,
    group: orderingGroup(record.categories, record.privilege_used),
    language: record.language,
    child: { iin: record.child_iin, fullName: record.child_name, birthDate: record.child_birth_date },
    applicant: { iin: record.applicant_iin, fullName: record.applicant_name },
    smsNumbers: record.sms_numbers,
    email: record.email,
    submittedAt: format(record.submitted_at),
    checkDueAt: format(record.check_due_at),
    originalsDueAt: iso(record.originals_due_at, format),
    verifiedAt: iso(record.verified_at, format),
    interestConfirmedAt: iso(record.interest_confirmed_at, format),
    position: record.status === 'queued' ? position : null,
    version: record.version,
  };
}
