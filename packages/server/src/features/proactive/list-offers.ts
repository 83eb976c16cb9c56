import type { ProactiveOfferList } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireApplicant } from '../auth/authorize';
import { toOfferView } from './offer-view';
import type { ProactiveRepository } from './proactive.repository';

/** R-ELIG-16: the signed-in parent's proactive offers, newest first (to answer one on the portal). */
export async function listOffers(
  deps: { offers: Pick<ProactiveRepository, 'ofParent'>; format: (at: Date) => string },
  actor: Actor,
): Promise<ProactiveOfferList> {
  const parent = requireApplicant(actor);
  return { items: (await deps.offers.ofParent(parent.iin)).map((offer) => toOfferView(offer, deps.format)) };
}
