import { randomUUID } from 'node:crypto';
import { addDays, endOfLocalDay, instantFromEpochMs, localDateOf } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import type { Transactor } from '../../platform/transactor';
import { normalizeKzMobile, type BirthEvent } from '../../ports';
import type { OfferRepos } from './offer-repos';

/**
 * Chosen (R-ELIG-16 sets no term): the parent has this many calendar days, to the end of the last one in
 * national time, to answer the offer; the SMS names the deadline.
 */
export const PROACTIVE_REPLY_DAYS = 30;

export type OfferTally = { offered: number; withBirthRegistration: number; notOffered: number };

/**
 * R-ELIG-16 (§7, §3(13)), R-ELIG-17 (§8 ¶1): one page of the civil registry's birth events becomes offers, in one
 * transaction with the feed's cursor, so each event is handled exactly once. A parent with a mobile number
 * registered on the portal gets the proactive offer by SMS (R-NOTIF-03 "proactive request"); one who asked for
 * the queue with the birth registration has consented already — the job registers it (acceptBirthRegistrations);
 * without a number, or in a settlement Kezek does not serve, nothing can be offered (`notOffered`).
 */
export function offerBirths(
  deps: { transaction: Transactor<OfferRepos> },
  actor: Actor,
  page: { events: readonly BirthEvent[]; cursor: string },
  now: Date,
): Promise<OfferTally> {
  const replyBy = new Date(
    endOfLocalDay(addDays(localDateOf(instantFromEpochMs(now.getTime())), PROACTIVE_REPLY_DAYS)),
  );
  return deps.transaction(async ({ offers, audit, enqueueOffer }) => {
    const tally: OfferTally = { offered: 0, withBirthRegistration: 0, notOffered: 0 };
    for (const event of page.events) {
      const settlement = await offers.settlementNames(event.settlementKato);
      const mobile = event.parentMobile === null ? undefined : normalizeKzMobile(event.parentMobile);
      const notOffered =
        settlement === undefined
          ? 'unknownSettlement'
          : mobile === undefined && !event.oneApplication
            ? 'noMobile'
            : undefined;
      const id = randomUUID();
      const inserted = await offers.insertOffer({
        id,
        event_id: event.eventId,
        registered_at: event.registeredAt,
        child_iin: event.childIin,
        birth_date: event.birthDate,
        parent_iin: event.parentIin,
        settlement_kato: event.settlementKato,
        parent_mobile: mobile ?? null,
        one_application: event.oneApplication,
        status: notOffered === undefined ? 'offered' : 'notOffered',
        status_reason: notOffered ?? null,
        created_at: now,
        reply_by: notOffered === undefined ? replyBy : null,
      });
      if (!inserted) continue;
      await audit.record({
        at: now,
        actor,
        action: 'proactiveOffer.created',
        entityType: 'proactiveOffer',
        entityId: id,
        data: { event: event.eventId, oneApplication: event.oneApplication, notOffered: notOffered ?? null },
      });
      if (notOffered !== undefined || settlement === undefined) tally.notOffered += 1;
      else if (event.oneApplication) tally.withBirthRegistration += 1;
      else {
        tally.offered += 1;
        await enqueueOffer({
          event: 'proactiveOffer',
          params: {
            birthDate: event.birthDate,
            settlement: { kk: settlement.name_kk, ru: settlement.name_ru, en: settlement.name_en },
            replyBy,
          },
          language: 'kk',
          recipients: { smsNumbers: mobile === undefined ? [] : [mobile] },
          dedupeKey: `proactiveOffer:${event.eventId}`,
          now,
        });
      }
    }
    await offers.saveCursor(page.cursor);
    return tally;
  });
}
