import {
  changeCategories,
  confirmInterest,
  setStopList,
  verifyApplication,
  withdrawApplication,
  type Application,
} from '../allocation/application';
import { refused, type Outcome } from '../allocation/outcome';
import { parseCategories, type CategoryCode } from '../categories/categories';
import { refusal, type Refusal, type RuleId } from '../refusal';
import { localDateOf } from '../time/instant';
import { lookup } from './lookup';
import type { ScenarioAction } from './scenario-event';
import type { World } from './world';

export type ApplicationAction = Extract<
  ScenarioAction,
  { do: 'verify' | 'categories' | 'withdraw' | 'stoplist' | 'confirmInterest' }
>;

const RULE: Record<ApplicationAction['do'], RuleId> = {
  verify: 'R-ELIG-13',
  categories: 'R-ORDER-07',
  withdraw: 'R-APPL-03',
  stoplist: 'R-SYS-12',
  confirmInterest: 'R-APPL-08',
};

/** R-CAT-04: the scenario's category codes, or the refusal naming the unknown ones (UNKNOWN_CATEGORY). */
export function scenarioCategories(codes: readonly string[]): Outcome<CategoryCode[]> {
  const parsed = parseCategories(codes);
  return parsed.ok
    ? { ok: true, value: parsed.value.filter((code) => code !== 'none'), events: [] }
    : refused(refusal('UNKNOWN_CATEGORY', 'R-CAT-04', parsed.error.join('; ')));
}

function transition(world: World, action: ApplicationAction, application: Application): Outcome<Application> {
  switch (action.do) {
    case 'verify':
      return verifyApplication(application, action.result, action.reason);
    case 'categories': {
      const categories = scenarioCategories(action.categories);
      return categories.ok ? changeCategories(application, categories.value) : categories;
    }
    case 'withdraw':
      return withdrawApplication(application);
    case 'stoplist':
      return setStopList(application, action.on, action.reason);
    case 'confirmInterest':
      return confirmInterest(application, localDateOf(world.now));
  }
}

/** Spec §5.1 transitions driven by applicant and clerk events. */
export function applyApplicationAction(world: World, action: ApplicationAction): Refusal | undefined {
  const found = lookup(world.applications, action.application, 'application', RULE[action.do]);
  if ('refusal' in found) return found.refusal;
  const outcome = transition(world, action, found.found);
  if (!outcome.ok) return outcome.refusal;
  world.applications.set(action.application, outcome.value);
  return undefined;
}
