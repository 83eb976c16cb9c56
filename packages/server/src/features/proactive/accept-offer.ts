import type { ApplicationReceipt } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import { submitApplication, type SubmitDeps, type SubmitInput } from '../applications/submit-application';
import type { OfferRepos } from './offer-repos';
import type { OfferAnswer, OfferRecord } from './proactive.repository';

export type AcceptDeps = Omit<SubmitDeps, 'transaction'> & { transaction: Transactor<OfferRepos> };

/** Closed meanwhile (answered, expired): the consent no longer finds an open offer. */
export const offerClosed = (offer: Pick<OfferRecord, 'id'>) =>
  new AppError('CONFLICT', `Proactive offer ${offer.id} is no longer open`, { rule: 'R-ELIG-16' });

/**
 * R-ELIG-16/17 with the parent's consent (an SMS reply, the signed-in parent, or the request made with the birth
 * registration): service S1 through the same submitApplication as every channel (eligibility, idempotency,
 * queue event, audit, notice), in the general queue of the parent's registered settlement without categories
 * (R-ELIG-17 Chosen), submitted at the consent (R-ELIG-20). The offer is marked accepted in the same transaction,
 * found again by submit's idempotency key, so a retried consent returns the first receipt.
 */
export async function acceptOffer(
  deps: AcceptDeps,
  actor: Actor,
  offer: OfferRecord,
  consentAt: Date,
  answeredBy: OfferAnswer['answered_by'],
): Promise<ApplicationReceipt> {
  const idempotencyKey = `proactive-offer:${offer.id}`;
  const input: SubmitInput = {
    channel: offer.one_application ? 'oneApplication' : 'proactive',
    applicantIin: offer.parent_iin,
    child: { iin: offer.child_iin, birthDate: offer.birth_date, sen: false, pmpcConclusion: false },
    settlement: offer.settlement_kato,
    queue: 'general',
    categories: [],
    smsNumbers: offer.parent_mobile === null ? [] : [offer.parent_mobile],
    language: 'kk',
    consent: true,
  };
  const { receipt } = await submitApplication(
    {
      ...deps,
      transaction: (work) =>
        deps.transaction(async (repos) => {
          const result = await work(repos);
          // submit keys its idempotency by the applicant's IIN (submit-application.ts).
          const application = await repos.applications.byIdempotencyKey(
            `${offer.parent_iin}:${idempotencyKey}`,
          );
          if (application === undefined) throw new Error(`offer ${offer.id}: submit left no application`);
          const answered = await repos.offers.answer(offer.id, {
            status: 'accepted',
            answered_by: answeredBy,
            answered_at: consentAt,
            application_id: application.id,
          });
          if (!answered) throw offerClosed(offer);
          await repos.audit.record({
            at: consentAt,
            actor,
            action: 'proactiveOffer.accepted',
            entityType: 'proactiveOffer',
            entityId: offer.id,
            data: {
              application: application.id,
              answeredBy,
              rule: offer.one_application ? 'R-ELIG-17' : 'R-ELIG-16',
            },
          });
          return result;
        }),
    },
    actor,
    input,
    consentAt,
    idempotencyKey,
  );
  return receipt;
}
