import type { Application } from '../allocation/application';
import { isLive } from '../allocation/referral';
import { checkNewApplication, type ApplicationHistory } from '../queue/eligibility';
import type { Refusal } from '../refusal';
import { localDateOf } from '../time/instant';
import { scenarioCategories } from './application-events';
import type { ScenarioAction } from './scenario-event';
import { currentPolicy, type World } from './world';

type ApplyAction = Extract<ScenarioAction, { do: 'apply' }>;

const FINAL = ['enrolled', 'withdrawn', 'rejected', 'archived'];

/**
 * What the system knows of the child (R-ELIG-04, R-QUEUE-06, R-QUEUE-09): its earlier applications and the
 * out-of-turn or first-priority referrals it used (admitted, or still live), not for temporary stay.
 */
function historyOf(world: World, child: string): ApplicationHistory {
  const applications = [...world.applications.values()].filter(
    (application) => application.child.id === child,
  );
  const privilegedReferrals = [...world.referrals.values()]
    .filter(
      (referral) =>
        referral.child === child &&
        referral.privileged &&
        referral.admission !== 'temporary' &&
        (referral.status === 'admitted' || isLive(referral)),
    )
    .map((referral) => ({
      ownership: world.places.get(referral.place)?.ownership ?? 'state',
      issuedAt: referral.issuedAt,
      admittedOn: referral.admittedAt === undefined ? undefined : localDateOf(referral.admittedAt),
    }));
  return {
    applications: applications.map((application) => ({
      id: application.id,
      settlement: application.settlement,
      queue: application.queue,
      live: !FINAL.includes(application.status),
      everQueued: application.everQueued,
    })),
    privilegedReferrals,
  };
}

/**
 * R-APPL-01, R-ELIG-13, R-REFUSE-04: a new application, submitted at the event's time (R-ELIG-20). With
 * nothing left to verify it is registered at once; otherwise it waits for `verify` (`pending`).
 */
export function applyEvent(world: World, action: ApplyAction): Refusal | undefined {
  const categories = scenarioCategories(action.categories);
  if (!categories.ok) return categories.refusal;
  const policy = currentPolicy(world);
  const child = {
    id: action.child.ref,
    birthDate: action.child.birthDate,
    iin: action.child.iin,
    sen: action.child.sen,
    pmpcConclusion: action.child.pmpc,
  };
  const history = historyOf(world, child.id);
  const problem = checkNewApplication(
    { settlement: action.settlement, queue: action.queue, child },
    history,
    policy,
    localDateOf(world.now),
  );
  if (problem) return problem;
  world.registrationSeq += 1;
  const application: Application = {
    id: action.ref,
    child,
    applicant: action.applicant,
    settlement: action.settlement,
    queue: action.queue,
    categories: categories.value,
    submittedAt: world.now,
    registrationSeq: world.registrationSeq,
    status: action.verified ? 'queued' : 'pending',
    interestFrom: localDateOf(world.now),
    everQueued: action.verified,
    // R-QUEUE-09(b): back in the general queue after a privileged state referral, ordered in group G.
    privilegeUsed:
      action.queue === 'general' &&
      history.privilegedReferrals.some((referral) => referral.ownership === 'state'),
  };
  world.applications.set(application.id, application);
  return undefined;
}
