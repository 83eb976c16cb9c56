import { queueKey, type QueueKind } from '../queue/queue-kind';
import { refusal } from '../refusal';
import { localDateOf, type Instant } from '../time/instant';
import { yearOf, type LocalDate } from '../time/local-date';
import { done, refused, type Outcome } from './outcome';

export type Ownership = 'state' | 'private';
export type PlaceMode = 'full' | 'half' | '24h';
/** §3(6), §3(7), §3(15). */
export type AdmissionMode = 'general' | 'earlyBooking' | 'temporary';
/** §25(1), R-KG-02 (Chosen: a closed list). */
export type RevocationReason = 'capitalRepair' | 'quarantine' | 'stateOrderCancelled' | 'closure';

/** Spec §5.3; `waiting` is the place's not-yet-vacated flag, not a unit status. */
export type UnitStatus = 'reported' | 'published' | 'reserved' | 'occupied' | 'revoked';

export type PlaceUnit = {
  readonly status: UnitStatus;
  /** The bulletin that last published the unit (its window decides who may claim it). */
  readonly bulletin?: number;
  readonly referral?: string;
};

export type Place = {
  readonly id: string;
  readonly kindergarten: string;
  readonly settlement: string;
  readonly ownership: Ownership;
  /** §28, R-REF-03: calendar-year age, turned into `birthYear` at publication … */
  readonly age?: number;
  /** … or given directly; fixed once published. */
  readonly birthYear?: number;
  readonly queue: QueueKind;
  readonly mode: PlaceMode;
  readonly admission: AdmissionMode;
  readonly language?: string;
  readonly startDate?: LocalDate;
  /** §24(6), §3(7): the set vacating date of an early-booking place. */
  readonly freeFrom?: LocalDate;
  /** §25(4): end of a temporary stay. */
  readonly until?: LocalDate;
  readonly reportedAt: Instant;
  /** When the place was actually vacated; only an early-booking place waits for it (R-KG-04, R-SYS-07). */
  readonly vacatedAt?: Instant;
  /**
   * §25(4), R-KG-05: a temporary-stay place ends after its `until` — the absent pupil is back, so nothing of
   * it can be claimed or republished any more.
   */
  readonly endedAt?: Instant;
  readonly units: readonly PlaceUnit[];
};

export type PlaceStatus = 'reported' | 'published' | 'waiting' | 'revoked' | 'closed';

export type PlaceReport = Omit<Place, 'units' | 'reportedAt' | 'vacatedAt' | 'endedAt'> & {
  readonly count: number;
};

/** R-KG-01, R-SYS-03: reported units wait for the next bulletin. */
export function reportPlace(report: PlaceReport, at: Instant): Place {
  const { count, ...attributes } = report;
  return {
    ...attributes,
    reportedAt: at,
    vacatedAt: report.admission === 'earlyBooking' ? undefined : at,
    units: Array.from({ length: count }, (): PlaceUnit => ({ status: 'reported' })),
  };
}

export const isWaiting = (place: Place): boolean => place.vacatedAt === undefined;

/** R-REF-03, A-31: the birth year the place serves, fixed by the year of its first publication. */
export const birthYearAt = (place: Place, publishedAt: Instant): number =>
  place.birthYear ?? yearOf(localDateOf(publishedAt)) - (place.age ?? 0);

/** R-WIN-09: the queue key of a published place; undefined before publication when given by age. */
export const placeQueueKey = (place: Place): string | undefined =>
  place.birthYear === undefined ? undefined : queueKey(place.settlement, place.birthYear, place.queue);

/**
 * R-KG-08: a general-mode place must start by the bulletin date; one starting later is published as early
 * booking, vacated on its start date (§3(7), §24(6)).
 */
export const startsAfter = (place: Place, date: LocalDate): boolean =>
  place.admission === 'general' && place.startDate !== undefined && place.startDate > date;

const asEarlyBooking = (place: Place): Place => ({
  ...place,
  admission: 'earlyBooking',
  freeFrom: place.startDate,
  vacatedAt: undefined,
});

/** R-SYS-04, R-WIN-02: the bulletin publishes the place's reported units (early booking ones as `waiting`). */
export function publishPlace(place: Place, bulletin: number, publishedAt: Instant): Place {
  const checked = startsAfter(place, localDateOf(publishedAt)) ? asEarlyBooking(place) : place;
  return {
    ...checked,
    birthYear: birthYearAt(place, publishedAt),
    units: place.units.map((unit) => (unit.status === 'reported' ? { status: 'published', bulletin } : unit)),
  };
}

export const freeUnitIndexes = (place: Place): number[] =>
  place.endedAt === undefined
    ? place.units.flatMap((unit, index) => (unit.status === 'published' ? [index] : []))
    : [];

/** Units waiting for the next bulletin (R-WIN-02); an ended temporary place has none to publish. */
export const hasReportedUnits = (place: Place): boolean =>
  place.endedAt === undefined && place.units.some((unit) => unit.status === 'reported');

const withUnit = (place: Place, index: number, unit: PlaceUnit): Place => ({
  ...place,
  units: place.units.map((current, i) => (i === index ? unit : current)),
});

/** R-WIN-10: a claim reserves one free unit; the caller has checked it is free. */
export const reserveUnit = (place: Place, index: number, referral: string): Place =>
  withUnit(place, index, { ...place.units[index], status: 'reserved', referral });

/** R-WIN-08: a unit released by a referral that ended without admission goes to the next bulletin. */
export const releaseUnit = (place: Place, index: number): Place =>
  place.units[index]?.status === 'reserved' ? withUnit(place, index, { status: 'reported' }) : place;

/** R-ADM-09. */
export const occupyUnit = (place: Place, index: number): Place =>
  withUnit(place, index, { ...place.units[index], status: 'occupied' });

/** R-SYS-07: the early-booked place is actually vacated (early, or on its set date). */
export function vacatePlace(place: Place, at: Instant): Outcome<Place> {
  if (!isWaiting(place))
    return refused(
      refusal('INVALID_STATE', 'R-SYS-07', `place ${place.id} is not an early-booked place still waiting`),
    );
  return done({ ...place, vacatedAt: at }, { type: 'place.vacated', subject: place.id });
}

export type Revocation = {
  readonly place: Place;
  /** Revoked units that had been published: they go into the revoked-places bulletin (R-WIN-01, A-28). */
  readonly published: readonly number[];
  /** Live referrals on the revoked units, to be revoked (R-KG-03). */
  readonly referrals: readonly string[];
};

/**
 * R-KG-02, R-KG-08: the kindergarten takes `count` units back: unpublished ones first — withdrawn freely,
 * no reason needed — then free ones, then reserved ones, whose referrals are revoked (R-KG-03). Taking back
 * a published unit needs a reason of the closed list (`REVOCATION_REASON_REQUIRED`); occupied units and an
 * ended temporary stay cannot be taken back.
 */
export function revokeUnits(place: Place, count: number, reason?: RevocationReason): Outcome<Revocation> {
  const order: readonly UnitStatus[] = ['reported', 'published', 'reserved'];
  const chosen =
    place.endedAt === undefined
      ? order.flatMap((status) =>
          place.units.flatMap((unit, index) => (unit.status === status ? [index] : [])),
        )
      : [];
  if (chosen.length < count)
    return refused(
      refusal(
        'INVALID_STATE',
        'R-KG-02',
        `place ${place.id} has ${chosen.length} unit(s) that can be revoked, not ${count}`,
      ),
    );
  const revoked = chosen.slice(0, count);
  const published = revoked.filter((index) => place.units[index]?.status !== 'reported');
  if (published.length > 0 && reason === undefined)
    return refused(
      refusal(
        'REVOCATION_REASON_REQUIRED',
        'R-KG-02',
        `published places of ${place.id} are taken back only for a stated reason`,
      ),
    );
  const referrals = revoked.flatMap((index) => {
    const unit = place.units[index];
    return unit?.status === 'reserved' && unit.referral !== undefined ? [unit.referral] : [];
  });
  return done(
    {
      place: {
        ...place,
        units: place.units.map((unit, index) => (revoked.includes(index) ? { status: 'revoked' } : unit)),
      },
      published,
      referrals,
    },
    { type: 'place.revoked', subject: place.id, reason },
  );
}

/**
 * §25(4), R-KG-05: the temporary stay of a place ends (the daily job after its `until`); a place with no
 * `until`, or not a temporary one, never ends this way.
 */
export const stayEndsBy = (place: Place, today: LocalDate): boolean =>
  place.admission === 'temporary' &&
  place.endedAt === undefined &&
  place.until !== undefined &&
  place.until < today;

export const endStay = (place: Place, at: Instant): Place => ({ ...place, endedAt: at });

/** Spec §5.3 as one word per place record (scenario-format `places`). */
export function placeStatus(place: Place): PlaceStatus {
  const units = place.units;
  if (units.every((unit) => unit.status === 'revoked')) return 'revoked';
  if (place.endedAt !== undefined) return 'closed';
  if (units.every((unit) => unit.status === 'reported' || unit.status === 'revoked')) return 'reported';
  if (isWaiting(place)) return 'waiting';
  if (units.some((unit) => unit.status === 'published')) return 'published';
  if (units.some((unit) => unit.status === 'reported')) return 'reported';
  return 'closed';
}
