import type { Actor } from '../../platform/actor';
import type { Transactor } from '../../platform/transactor';
import type { OfferRepos } from './offer-repos';

/** R-ELIG-16 Chosen: an offer unanswered by its deadline expires — no consent, no application. */
export function expireOffers(
  deps: { transaction: Transactor<OfferRepos> },
  actor: Actor,
  now: Date,
): Promise<number> {
  return deps.transaction(async ({ offers, audit }) => {
    const expired = await offers.expire(now);
    for (const id of expired)
      await audit.record({
        at: now,
        actor,
        action: 'proactiveOffer.expired',
        entityType: 'proactiveOffer',
        entityId: id,
        data: { rule: 'R-ELIG-16' },
      });
    return expired.length;
  });
}
