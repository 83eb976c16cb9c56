import type { ProactiveReply, ProactiveReplyResult } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireSignedIn } from '../auth/authorize';
import { acceptOffer, offerClosed, type AcceptDeps } from './accept-offer';
import { toOfferView } from './offer-view';
import type { OfferRecord, ProactiveRepository } from './proactive.repository';

export type ReplyDeps = AcceptDeps & { offers: Pick<ProactiveRepository, 'byId'> };

/** The SMS gateway's callback acts as the system: it relays the parent's reply from the registered number. */
export const SMS_GATEWAY_ACTOR: Actor = { kind: 'system', job: 'smsGateway' };

const MISSING = 'No such proactive offer';

async function reload(deps: ReplyDeps, id: string): Promise<OfferRecord> {
  const offer = await deps.offers.byId(id);
  if (offer === undefined) throw new Error(`offer ${id} vanished`);
  return offer;
}

/**
 * R-ELIG-16 (§7): the parent answers a proactive offer — by SMS reply (relayed by the gateway) or signed in to the
 * portal. `yes` registers the application (acceptOffer); `no` records the refusal and registers nothing; after the
 * offer's reply deadline there is no consent to give (Chosen: no consent → no application), a RULE_VIOLATION.
 * Another parent's offer answers like a missing one.
 */
export async function replyToOffer(
  deps: ReplyDeps,
  actor: Actor,
  id: string,
  reply: ProactiveReply,
  now: Date,
): Promise<ProactiveReplyResult> {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind === 'staff')
    throw new AppError('FORBIDDEN', 'Only the parent (or their SMS reply) answers a proactive offer');
  const offer = await deps.offers.byId(id);
  if (offer === undefined || (signedIn.kind === 'applicant' && signedIn.iin !== offer.parent_iin))
    throw new AppError('NOT_FOUND', MISSING);
  if (offer.status !== 'offered')
    throw new AppError('CONFLICT', `The proactive offer is already ${offer.status}`, {
      field: 'answer',
      rule: 'R-ELIG-16',
    });
  if (offer.reply_by === null || now > offer.reply_by)
    throw new AppError(
      'RULE_VIOLATION',
      `The reply deadline ${offer.reply_by === null ? '' : deps.format(offer.reply_by)} has passed: without consent in time no application is registered`,
      { field: 'answer', rule: 'R-ELIG-16' },
    );
  const answeredBy = signedIn.kind === 'applicant' ? 'applicant' : 'smsGateway';
  if (reply.answer === 'yes') {
    const receipt = await acceptOffer(deps, actor, offer, now, answeredBy);
    return { offer: toOfferView(await reload(deps, id), deps.format), application: receipt };
  }
  await deps.transaction(async ({ offers, audit }) => {
    if (!(await offers.answer(id, { status: 'declined', answered_by: answeredBy, answered_at: now })))
      throw offerClosed(offer);
    await audit.record({
      at: now,
      actor,
      action: 'proactiveOffer.declined',
      entityType: 'proactiveOffer',
      entityId: id,
      data: { answeredBy, rule: 'R-ELIG-16' },
    });
  });
  return { offer: toOfferView(await reload(deps, id), deps.format), application: null };
}
