import type { Application } from '../allocation/application';
import type { Bulletin, RevokedBulletin, RevokedEntry } from '../allocation/bulletin';
import type { Ownership, Place } from '../allocation/place';
import type { Referral } from '../allocation/referral';
import type { AllocationWindow } from '../allocation/window';
import { KZ_WORKING_DAY_CALENDAR } from '../calendar/kz-calendar';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Policy } from '../policy/policy';
import { createPolicyTimeline, policyAt, type PolicyTimeline } from '../policy/policy-timeline';
import type { Instant } from '../time/instant';
import type { LocalDate } from '../time/local-date';

export type Kindergarten = {
  readonly id: string;
  readonly settlement: string;
  readonly ownership: Ownership;
};

/**
 * The in-memory world of a replay. The rules are pure functions of allocation/ and queue/; the world only
 * holds their results, keyed by the scenario's refs (Maps iterate in insertion order, so output is stable).
 */
export type World = {
  now: Instant;
  policies: PolicyTimeline;
  calendar: WorkingDayCalendar;
  readonly kindergartens: Map<string, Kindergarten>;
  readonly applications: Map<string, Application>;
  readonly places: Map<string, Place>;
  readonly referrals: Map<string, Referral>;
  /** R-ORDER-05: per queue key. */
  readonly gSinceP: Map<string, number>;
  /** Every window, in publication order. */
  readonly windows: AllocationWindow[];
  /** R-WIN-01: the published bulletins of vacated places … */
  readonly bulletins: Bulletin[];
  /** … and of revoked places, kept as data: the output format has no field for them. */
  readonly revokedBulletins: RevokedBulletin[];
  /** Revocations since the last bulletin, for the next revoked-places bulletin. */
  readonly revocations: RevokedEntry[];
  bulletinCount: number;
  lastBulletinDate?: LocalDate;
  /** R-ELIG-20: strictly increasing registration sequence. */
  registrationSeq: number;
};

export const createWorld = (start: Instant): World => ({
  now: start,
  policies: createPolicyTimeline(),
  calendar: KZ_WORKING_DAY_CALENDAR,
  kindergartens: new Map(),
  applications: new Map(),
  places: new Map(),
  referrals: new Map(),
  gSinceP: new Map(),
  windows: [],
  bulletins: [],
  revokedBulletins: [],
  revocations: [],
  bulletinCount: 0,
  registrationSeq: 0,
});

/** The scenario's policy changes are regional for the whole scenario; it has one region. */
export const currentPolicy = (world: World): Policy => policyAt(world.policies, '', world.now);
