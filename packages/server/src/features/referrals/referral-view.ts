import type { ReferralView } from '@kezek/contracts';
import { instantFromEpochMs, localDate, type IssueInput, type Referral } from '@kezek/domain';
import type { Insertable } from 'kysely';
import type { ReferralsTable } from '@kezek/db';
import type { ReferralRecord } from './referrals.repository';

const instant = (at: Date) => instantFromEpochMs(at.getTime());
const dateOf = (at: number | undefined) => (at === undefined ? null : new Date(at));

/** The domain's view of a stored referral, so the server decides with the same functions as the replay. */
export function toDomainReferral(row: ReferralRecord): Referral {
  return {
    id: row.id,
    application: row.application_id,
    child: row.child_id,
    place: row.place_id,
    unit: row.unit,
    admission: row.admission,
    issuedAt: instant(row.issued_at),
    cancelDeadline: instant(row.cancel_deadline),
    phase: row.phase,
    ...(row.confirm_by === null ? {} : { confirmBy: localDate(row.confirm_by) }),
    ...(row.valid_from === null ? {} : { validFrom: instant(row.valid_from) }),
    ...(row.valid_until === null ? {} : { validUntil: localDate(row.valid_until) }),
    ...(row.extension_days === null || row.extension_reason === null || row.extension_requested_at === null
      ? {}
      : {
          extension: {
            days: row.extension_days,
            reason: row.extension_reason,
            requestedAt: instant(row.extension_requested_at),
          },
        }),
    status: row.status,
    ...(row.status_reason === null ? {} : { statusReason: row.status_reason }),
    ...(row.sibling_group === null ? {} : { siblingGroup: row.sibling_group }),
    privileged: row.privileged,
    ...(row.admitted_at === null ? {} : { admittedAt: instant(row.admitted_at) }),
  };
}

/** The columns a domain referral sets (everything but identity, keys and bookkeeping). */
export const referralColumns = (referral: Referral) => ({
  status: referral.status,
  status_reason: referral.statusReason ?? null,
  phase: referral.phase,
  confirm_by: referral.confirmBy ?? null,
  valid_from: dateOf(referral.validFrom),
  valid_until: referral.validUntil ?? null,
  extended: referral.extension !== undefined,
  extension_days: referral.extension?.days ?? null,
  extension_reason: referral.extension?.reason ?? null,
  extension_requested_at: dateOf(referral.extension?.requestedAt),
  admitted_at: dateOf(referral.admittedAt),
});

/** The new row of an issued referral. */
export const referralRow = (
  referral: Referral,
  extra: Pick<Insertable<ReferralsTable>, 'number' | 'window_id' | 'idempotency_key' | 'updated_at'>,
  input: Pick<IssueInput, 'siblingGroup' | 'privileged'>,
): Insertable<ReferralsTable> => ({
  id: referral.id,
  application_id: referral.application,
  child_id: referral.child,
  place_id: referral.place,
  unit: referral.unit,
  admission: referral.admission,
  issued_at: new Date(referral.issuedAt),
  cancel_deadline: new Date(referral.cancelDeadline),
  sibling_group: input.siblingGroup ?? null,
  privileged: input.privileged,
  ...referralColumns(referral),
  ...extra,
});

export function toReferralView(row: ReferralRecord, format: (at: Date) => string): ReferralView {
  return {
    id: row.id,
    number: row.number,
    applicationId: row.application_id,
    applicationNumber: row.application_number,
    child: { fullName: row.child_name, birthDate: row.child_birth_date },
    kindergarten: {
      id: row.kindergarten_id,
      name: { kk: row.kindergarten_kk, ru: row.kindergarten_ru, en: row.kindergarten_en },
    },
    groupId: row.group_id,
    group: {
      ageGroup: row.age_group,
      age: row.place_age,
      language: row.place_language,
      mode: row.place_mode,
      queue: row.place_queue,
    },
    placeId: row.place_id,
    unit: row.unit,
    admission: row.admission,
    status: row.status,
    statusReason: row.status_reason,
    phase: row.phase,
    issuedAt: format(row.issued_at),
    cancelDeadline: format(row.cancel_deadline),
    confirmBy: row.confirm_by,
    validFrom: row.valid_from === null ? null : format(row.valid_from),
    validUntil: row.valid_until,
    extended: row.extended,
    siblingGroup: row.sibling_group,
    version: row.version,
  };
}
