import type { Db } from '@kezek/db';
import { every, type JobDefinition } from '../../platform/jobs/job';
import type { Logger } from '../../platform/logger';
import { formatNational } from '../../platform/national-time';
import type { Rules } from '../../platform/rules';
import type { CivilRegistryPort, IndividualsPort } from '../../ports';
import { acceptBirthRegistrations } from './accept-birth-registrations';
import { expireOffers } from './expire-offers';
import { offerBirths, type OfferTally } from './offer-births';
import { offerTransactor } from './offer-repos';
import { proactiveRepository } from './proactive.repository';

const JOB = 'pollBirthEvents';

/** How often the civil registry's feed is read; a parent hears of the offer within this of the registration. */
export const BIRTH_EVENTS_POLL_MS = 15 * 60_000;

/** Pages read per slot at most; the rest follow on the next slot, from the saved cursor. */
const MAX_PAGES = 20;

export type PollBirthEventsDeps = {
  db: Db;
  civilRegistry: CivilRegistryPort;
  individuals: IndividualsPort;
  rules: Rules;
  log: Logger;
};

/**
 * R-ELIG-16, R-ELIG-17: every 15 minutes — expire the offers past their reply deadline, read the civil registry's
 * birth events after the saved cursor and offer each (offerBirths: offers, SMS and cursor in one transaction per
 * page), then register the births that came with the request for a place. Re-running a slot reads on from the
 * saved cursor, and an event already offered is not offered again, so nothing is sent twice. An unavailable
 * registry fails the slot, retried on the next tick.
 */
export function pollBirthEventsJob(deps: PollBirthEventsDeps): JobDefinition {
  const transaction = offerTransactor(deps.db);
  const offers = proactiveRepository(deps.db);
  const actor = { kind: 'system', job: JOB } as const;
  return {
    name: JOB,
    schedule: every(BIRTH_EVENTS_POLL_MS),
    handler: async (scheduledFor, ctx) => {
      const expired = await expireOffers({ transaction }, actor, scheduledFor);
      const tally: OfferTally = { offered: 0, withBirthRegistration: 0, notOffered: 0 };
      let cursor = await offers.cursor();
      for (let page = 0; page < MAX_PAGES; page++) {
        const read = await deps.civilRegistry.pollBirthEvents(cursor);
        if (!read.ok) throw new Error(`civil registry: ${read.error.message}`);
        if (read.value.events.length === 0) break;
        const done = await offerBirths({ transaction }, actor, read.value, scheduledFor);
        tally.offered += done.offered;
        tally.withBirthRegistration += done.withBirthRegistration;
        tally.notOffered += done.notOffered;
        cursor = read.value.cursor;
      }
      const registered = await acceptBirthRegistrations(
        {
          transaction,
          offers,
          individuals: deps.individuals,
          rules: deps.rules,
          format: formatNational,
          log: ctx.log,
        },
        actor,
      );
      return { expired, ...tally, ...registered };
    },
  };
}
