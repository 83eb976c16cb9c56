import type { RevocationResult, RevokePlaces } from '@kezek/contracts';
import { orderingGroup, queueKey, revokeUnits, type QueueKind, type RevocationReason } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { Notify } from '../applications/application-notice';
import type { AuditRepository } from '../audit/audit.repository';
import { authorizeRecord, requireStaff } from '../auth/authorize';
import { PLACE_ACCESS, toDomainPlace, toPlaceView } from './place-view';
import type { PlacesRepository } from './places.repository';

export type RevokeRepos = {
  places: PlacesRepository;
  applications: Pick<ApplicationsRepository, 'recordQueueEvent'>;
  audit: AuditRepository;
  notify: Notify;
};

/** The reason in the applicant's words (the template's `reason`), kk and ru like every SMS. */
const REASON_TEXT: Record<'kk' | 'ru', Record<RevocationReason, string>> = {
  kk: {
    capitalRepair: 'күрделі жөндеу',
    quarantine: 'карантин',
    stateOrderCancelled: 'мемлекеттік білім беру тапсырысының тоқтатылуы',
    closure: 'ұйымның жабылуы',
  },
  ru: {
    capitalRepair: 'капитальный ремонт',
    quarantine: 'карантин',
    stateOrderCancelled: 'отмена государственного образовательного заказа',
    closure: 'закрытие организации',
  },
};

/**
 * R-KG-02, R-KG-08: kindergarten staff take back units of their place — unpublished ones freely, published ones
 * only for a reason of the closed list. R-KG-03: a live referral on a taken-back unit is revoked in the same
 * transaction, its application returns to the queue (its submission time, so its position, unchanged) and the
 * applicant is notified. Published units go into the settlement's next revoked-places bulletin (R-WIN-01, A-28).
 */
export async function revokePlaces(
  deps: { transaction: Transactor<RevokeRepos>; format: (at: Date) => string },
  actor: Actor,
  placeId: string,
  input: RevokePlaces,
  now: Date,
): Promise<RevocationResult> {
  const staff = requireStaff(actor, ['kindergartenStaff']);
  return deps.transaction(async ({ places, applications, audit, notify }) => {
    const stored = authorizeRecord(actor, 'write', await places.place(placeId, true), PLACE_ACCESS);
    const outcome = revokeUnits(toDomainPlace(stored), input.count, input.reason);
    if (!outcome.ok) {
      const { code, rule, message } = outcome.refusal;
      if (code === 'REVOCATION_REASON_REQUIRED')
        throw new AppError('VALIDATION_FAILED', message, { field: 'reason', rule });
      throw new AppError('CONFLICT', message, { field: 'count', rule });
    }
    const { place, published, referrals } = outcome.value;
    const revoked = place.units.flatMap((unit, index) =>
      unit.status === 'revoked' && stored.units[index]?.status !== 'revoked' ? [index] : [],
    );
    const reason = input.reason ?? null;
    const live = await places.liveReferrals(referrals);
    await places.setUnitStatus(placeId, revoked, 'revoked');
    await places.touchPlace(placeId, now);
    await places.insertRevocation({
      place_id: placeId,
      settlement_kato: stored.row.settlement_kato,
      units: revoked,
      published_units: [...published],
      reason,
      cancelled_referrals: live.map((referral) => referral.id),
      revoked_at: now,
      revoked_by: staff.userId,
    });
    const kindergarten = await places.kindergarten(stored.row.kindergarten_id);
    for (const referral of live) {
      // revokeUnits refuses to take back a reserved (so published) unit without a reason.
      if (input.reason === undefined) throw new Error(`referral ${referral.id} revoked without a reason`);
      await places.revokeReferral(referral.id, referral.application_id, input.reason, now);
      await applications.recordQueueEvent({
        queue_key: queueKey(referral.settlement_kato, referral.birth_year, referral.queue as QueueKind),
        at: now,
        kind: 'returned',
        application_id: referral.application_id,
        data: { group: orderingGroup(referral.categories, referral.privilege_used), rule: 'R-KG-03' },
      });
      await audit.record({
        at: now,
        actor,
        action: 'referral.revoked',
        entityType: 'referral',
        entityId: referral.id,
        data: { place: placeId, reason, rule: 'R-KG-03' },
      });
      const language = referral.language === 'ru' ? 'ru' : 'kk';
      await notify(
        {
          event: 'referralRevoked',
          params: {
            applicationNumber: referral.number,
            kindergarten: language === 'ru' ? (kindergarten?.name_ru ?? '') : (kindergarten?.name_kk ?? ''),
            reason: REASON_TEXT[language][input.reason],
          },
        },
        {
          applicationId: referral.application_id,
          language,
          smsNumbers: referral.sms_numbers,
          email: referral.email,
          at: now,
        },
      );
    }
    await audit.record({
      at: now,
      actor,
      action: 'place.revoked',
      entityType: 'place',
      entityId: placeId,
      data: {
        units: revoked,
        published: [...published],
        reason,
        referrals: live.map((referral) => referral.id),
      },
    });
    const after = await places.place(placeId);
    if (after === undefined) throw new Error(`place ${placeId} vanished inside its own transaction`);
    return {
      place: toPlaceView(after, deps.format),
      revokedUnits: revoked,
      cancelledReferrals: live.map((referral) => referral.id),
    };
  });
}
