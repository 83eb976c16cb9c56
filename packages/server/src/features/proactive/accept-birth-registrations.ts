import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Logger } from '../../platform/logger';
import { acceptOffer, type AcceptDeps } from './accept-offer';
import type { ProactiveRepository } from './proactive.repository';

export type BirthRegistrationDeps = AcceptDeps & {
  offers: Pick<ProactiveRepository, 'openOneApplicationOffers'>;
  log: Logger;
};

/**
 * R-ELIG-17 (§8 ¶1): a birth registered together with the request for a place is S1 with consent given —
 * registered as submitted at the birth registration (R-ELIG-20). A rule refusing it (the child already queued,
 * R-QUEUE-06) closes the offer as `refused` naming the rule; an unavailable state system leaves it open for the
 * next run.
 */
export async function acceptBirthRegistrations(
  deps: BirthRegistrationDeps,
  actor: Actor,
): Promise<{ accepted: number; refused: number }> {
  const tally = { accepted: 0, refused: 0 };
  for (const offer of await deps.offers.openOneApplicationOffers()) {
    try {
      await acceptOffer(deps, actor, offer, offer.registered_at, 'birthRegistration');
      tally.accepted += 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'UNAVAILABLE' || error.code === 'CONFLICT') {
        deps.log.warn('birth registration not yet registered', {
          offer: offer.id,
          error: error instanceof Error ? error.message : String(error),
        });
        continue;
      }
      const refusal = error.rule ?? error.code;
      await deps.transaction(async ({ offers, audit }) => {
        if (
          await offers.answer(offer.id, {
            status: 'refused',
            status_reason: refusal,
            answered_by: 'birthRegistration',
            answered_at: offer.registered_at,
          })
        )
          await audit.record({
            at: offer.registered_at,
            actor,
            action: 'proactiveOffer.refused',
            entityType: 'proactiveOffer',
            entityId: offer.id,
            data: { rule: refusal, message: error.message },
          });
      });
      tally.refused += 1;
    }
  }
  return tally;
}
