import type { Policy } from '../policy/policy';
import { queueKey } from '../queue/queue-kind';
import { refusal, type Refusal } from '../refusal';
import { yearOf } from '../time/local-date';
import type { Application } from './application';
import { freeUnitIndexes, placeQueueKey, type Place } from './place';
import type { WindowPhase } from './window';

/** R-APPL-04, R-REF-11, R-SYS-12: only a queued application of a child with no live referral may claim. */
export function checkClaimant(application: Application, childHasLiveReferral: boolean): Refusal | undefined {
  if (childHasLiveReferral || application.status === 'referred')
    return refusal(
      'LIVE_REFERRAL_EXISTS',
      'R-REF-11',
      `the child of ${application.id} already holds a live referral`,
    );
  if (application.status === 'stopped')
    return refusal('INVALID_STATE', 'R-SYS-12', `application ${application.id} is on the stop list`);
  if (application.status !== 'queued')
    return refusal(
      'INVALID_STATE',
      'R-APPL-04',
      `application ${application.id} is ${application.status}, not queued`,
    );
  return undefined;
}

/**
 * R-WIN-09, R-REF-03: same settlement and queue, and the place's birth year (fixed at publication) is the
 * child's. A place not yet in a bulletin cannot be claimed (R-WIN-03).
 */
export function checkMatch(application: Application, place: Place): Refusal | undefined {
  const key = placeQueueKey(place);
  if (key === undefined)
    return refusal('NO_ACCESS', 'R-WIN-03', `place ${place.id} has not been published in a bulletin yet`);
  if (place.settlement !== application.settlement || place.queue !== application.queue)
    return refusal(
      'QUEUE_MISMATCH',
      'R-WIN-09',
      `place ${place.id} is for queue ${key}, not ${applicationKey(application)}`,
    );
  if (place.birthYear !== yearOf(application.child.birthDate))
    return refusal(
      'AGE_MISMATCH',
      'R-REF-03',
      `place ${place.id} is for children born in ${place.birthYear}`,
    );
  return undefined;
}

export const applicationKey = (application: Application): string =>
  queueKey(application.settlement, yearOf(application.child.birthDate), application.queue);

/** §16, R-QUEUE-09(c) (A-07): after a used privilege only private organisations' places may be claimed. */
export function checkPrivilegeReuse(
  application: Application,
  place: Place,
  policy: Policy,
): Refusal | undefined {
  return application.privilegeUsed && policy.privilegeReuseOnlyPrivate && place.ownership === 'state'
    ? refusal(
        'NO_ACCESS',
        'R-QUEUE-09',
        `application ${application.id} used its privilege; only private organisations' places`,
      )
    : undefined;
}

const NO_ACCESS_RULE = { none: 'R-WIN-03', priority: 'R-WIN-06', leftover: 'R-WIN-07' } as const;

/**
 * R-WIN-06, -07, -10: the first free unit of the place the application has access to. With no free unit
 * the claim loses (`NO_FREE_UNIT`); with free units but none open to it, `NO_ACCESS` names the phase's rule.
 */
export function chooseUnit(
  place: Place,
  unitAccess: (unit: number) => { readonly phase: WindowPhase; readonly access: boolean },
): number | Refusal {
  const free = freeUnitIndexes(place);
  if (free.length === 0)
    return refusal('NO_FREE_UNIT', 'R-WIN-10', `place ${place.id} has no free unit left`);
  const judged = free.map((unit) => ({ unit, ...unitAccess(unit) }));
  const open = judged.find((candidate) => candidate.access);
  if (open) return open.unit;
  const phase = judged.some((candidate) => candidate.phase === 'priority')
    ? 'priority'
    : judged.some((candidate) => candidate.phase === 'leftover')
      ? 'leftover'
      : 'none';
  const why = {
    none: 'its priority window has not opened yet',
    priority: 'the application is not among the first applicants of the priority window',
    leftover: 'the application is not within the first applications of the queue the leftover is open to',
  }[phase];
  return refusal('NO_ACCESS', NO_ACCESS_RULE[phase], `place ${place.id}: ${why}`);
}

/**
 * §29, R-REF-04: the other siblings take free units of the same kindergarten matching their own queue
 * key, without access of their own — the claimed place first, then the kindergarten's other places; all or
 * none. Returns one `[place, unit]` per sibling, in order.
 */
export function planSiblingUnits(
  siblings: readonly Application[],
  places: readonly Place[],
  taken: ReadonlyArray<readonly [string, number]>,
  policy: Policy,
): { readonly plan: ReadonlyArray<readonly [string, number]> } | { readonly refusal: Refusal } {
  const used = new Set(taken.map(([place, unit]) => `${place}#${unit}`));
  const plan: Array<readonly [string, number]> = [];
  for (const sibling of siblings) {
    const found = places
      .filter(
        (place) =>
          checkMatch(sibling, place) === undefined &&
          checkPrivilegeReuse(sibling, place, policy) === undefined,
      )
      .flatMap((place) => freeUnitIndexes(place).map((unit) => [place.id, unit] as const))
      .find(([place, unit]) => !used.has(`${place}#${unit}`));
    if (found === undefined)
      return {
        refusal: refusal(
          'NO_FREE_UNIT',
          'R-REF-04',
          `the kindergarten has no free unit for sibling ${sibling.id}; siblings are placed all or none`,
        ),
      };
    used.add(`${found[0]}#${found[1]}`);
    plan.push(found);
  }
  return { plan };
}
