import { archiveApplication, missOriginalsDeadline, originalsDeadline } from '../allocation/application';
import { assembleBulletin, windowsOf } from '../allocation/bulletin';
import { interestLapsed } from '../allocation/interest';
import { isWaiting, stayEndsBy } from '../allocation/place';
import { expireIfDue } from '../allocation/referral';
import { earliestJob, nextBulletinAt, nextDailyAt, type DueJob } from '../allocation/schedule';
import {
  firstWhoCanClaim,
  openWindow,
  windowOpeningAfter,
  type AllocationWindow,
} from '../allocation/window';
import { withinQueueAge } from '../queue/eligibility';
import { localDateOf, type Instant } from '../time/instant';
import { canClaimNow, queueOrder } from './queue-view';
import { endWithoutAdmission } from './referral-ending';
import { endTemporaryStay, vacate } from './place-events';
import { currentPolicy, type World } from './world';

/** The jobs due next after the world's clock, with the policy in force now (G-12). */
export function dueJobs(world: World): DueJob[] {
  const policy = currentPolicy(world);
  const jobs: DueJob[] = [
    { kind: 'daily', at: nextDailyAt(world.now) },
    { kind: 'bulletin', at: nextBulletinAt(world.now, world.lastBulletinDate, policy) },
  ];
  if (world.windows.some((window) => window.opensAt === undefined))
    jobs.push({ kind: 'windowOpen', at: windowOpeningAfter(world.now, policy, world.calendar) });
  return jobs;
}

/**
 * The daily 00:00 job: expiries "until the end of" yesterday (R-REF-08, R-REF-12), early-booked places
 * reaching their set date (R-SYS-07), temporary stays past their `until` (R-KG-05), originals not shown
 * for a pending application (R-ELIG-15), archive at 6 (R-SYS-10) and lapsed interest (R-SYS-13).
 */
function runDaily(world: World): void {
  const today = localDateOf(world.now);
  const policy = currentPolicy(world);
  for (const referral of [...world.referrals.values()]) {
    const expired = expireIfDue(referral, today);
    if (expired)
      endWithoutAdmission(world, expired, {
        toStopList: policy.stopListOnReferralExpiry,
        dropPrivilege: false,
      });
  }
  for (const place of [...world.places.values()]) {
    if (isWaiting(place) && place.freeFrom !== undefined && place.freeFrom <= today) vacate(world, place);
    if (stayEndsBy(place, today)) endTemporaryStay(world, place);
  }
  for (const application of [...world.applications.values()]) {
    const active = application.status === 'queued' || application.status === 'stopped';
    if (application.status === 'pending' && originalsDeadline(application, world.calendar) < today) {
      const lapsed = missOriginalsDeadline(application, policy);
      if (lapsed.ok) world.applications.set(application.id, lapsed.value);
    } else if (active && !withinQueueAge(application.child, today, policy))
      world.applications.set(application.id, archiveApplication(application, 'ageLimit'));
    else if (interestLapsed(application, today, policy))
      world.applications.set(application.id, archiveApplication(application, 'notInterested'));
  }
}

/** R-SYS-04, R-WIN-02: publish the bulletin; each queue key in it gets a window to open (R-WIN-03). */
function runBulletin(world: World): void {
  world.bulletinCount += 1;
  const { bulletin, places } = assembleBulletin([...world.places.values()], world.bulletinCount, world.now);
  for (const place of places) world.places.set(place.id, place);
  world.bulletins.push(bulletin);
  world.revokedBulletins.push({
    id: bulletin.id,
    publishedAt: bulletin.publishedAt,
    entries: world.revocations.splice(0),
  });
  world.windows.push(...windowsOf(bulletin, world.places));
  world.lastBulletinDate = localDateOf(world.now);
}

/** Windows of one key opening at the same instant are one window of all their units (R-WIN-04). */
function merged(windows: readonly AllocationWindow[]): AllocationWindow {
  return windows.reduce((all, window) => ({
    ...all,
    bulletins: [...all.bulletins, ...window.bulletins],
    units: all.units + window.units,
    allState: all.allState && window.allState,
  }));
}

/**
 * R-WIN-04: at opening the access set of each key is frozen: the first N_k applications that can claim,
 * skipping R-QUEUE-09 cases when every unit is in a state organisation.
 */
function runWindowOpen(world: World): void {
  const policy = currentPolicy(world);
  const due = world.windows.filter((window) => window.opensAt === undefined);
  const keys = [...new Set(due.map((window) => window.key))];
  const opened = keys.map((key) => {
    const window = merged(due.filter((candidate) => candidate.key === key));
    const eligible = (id: string): boolean => {
      const privilegeBlocked =
        window.allState &&
        policy.privilegeReuseOnlyPrivate &&
        world.applications.get(id)?.privilegeUsed === true;
      return canClaimNow(world, id) && !privilegeBlocked;
    };
    const access = firstWhoCanClaim(queueOrder(world, key), window.units, eligible);
    return openWindow(window, world.now, access, policy, world.calendar);
  });
  const kept = world.windows.filter((window) => window.opensAt !== undefined);
  world.windows.splice(0, world.windows.length, ...kept, ...opened);
}

const RUN: Record<DueJob['kind'], (world: World) => void> = {
  daily: runDaily,
  bulletin: runBulletin,
  windowOpen: runWindowOpen,
};

/** Scenario format: before an event at `at`, every job due at or before it runs, in time order. */
export function runJobsUntil(world: World, at: Instant): void {
  for (
    let job = earliestJob(dueJobs(world));
    job !== undefined && job.at <= at;
    job = earliestJob(dueJobs(world))
  ) {
    world.now = job.at;
    RUN[job.kind](world);
  }
}
