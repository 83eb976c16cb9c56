import type { CategoryCode } from '../categories/categories';
import type { Policy } from '../policy/policy';
import { queueFamily } from '../queue/queue-kind';
import type { Application } from './application';

/**
 * R-ELIG-14: documents state systems cannot confirm — employer certificates (§20(1), teacher),
 * the PMPC conclusion — need originals after the referral (§22 ¶2, R-ELIG-11).
 */
const UNVERIFIABLE: readonly CategoryCode[] = [
  'military',
  'specialStateBody',
  'lawEnforcement',
  'teacher',
  'sen',
];

/** R-ELIG-14: the categories whose proof state systems cannot confirm (certificates, PMPC conclusion). */
export const categoriesNeedingOriginals = (categories: readonly CategoryCode[]): CategoryCode[] =>
  categories.filter((code) => UNVERIFIABLE.includes(code));

/** R-ELIG-14, R-ELIG-19, R-REF-07: whether a referral waits for the originals (`pendingConfirmation`). */
export function needsOriginals(
  application: Pick<Application, 'queue' | 'categories'>,
  policy: Policy,
): boolean {
  if (policy.originalsRequired === 'all') return true;
  const family = queueFamily(application.queue);
  // the phthisiatrician's conclusion, for sanatorium queues only unless the policy asks it of all.
  if (policy.phthisiatricianFor === 'all' || family === 'sanatorium') return true;
  // §13 ¶2, §17: a special queue rests on the PMPC conclusion.
  return family === 'special' || categoriesNeedingOriginals(application.categories).length > 0;
}
