import type { Fairness, FairnessQuery } from '@kezek/contracts';
import { addDays, DEFAULT_POLICY, localDate, orderingGroup } from '@kezek/domain';
import { AppError } from '../../platform/app-error';
import { nationalDate, startOfNationalDay } from '../../platform/national-time';
import type { PublicRepository } from './public.repository';

const LIVE = ['issued', 'extended'];
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

type KindergartenRow = {
  id: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  reason: string | null;
  count: number;
};

/**
 * The public fairness dashboard (R-SYS-09, R-ORDER-03/04): who got the places in a period — referrals by ordering
 * group and category, the first-priority : general ratio achieved against the 1:3 of §21 ¶3, how long children
 * waited from application to referral, and per kindergarten the places revoked and the admissions refused with
 * their legal reasons. Counts only: nothing personal, nothing finer than a kindergarten.
 */
export async function getFairness(
  repo: Pick<
    PublicRepository,
    'referralTally' | 'waitDays' | 'revocationsByKindergarten' | 'refusalsByKindergarten'
  >,
  query: FairnessQuery,
  now: Date,
  format: (at: Date) => string,
): Promise<Fairness> {
  const today = nationalDate(now);
  const to = query.to === undefined ? today : localDate(query.to);
  const from = query.from === undefined ? addDays(to, -364) : localDate(query.from);
  if (from > to)
    throw new AppError('VALIDATION_FAILED', `from: ${from} is after to: ${to}`, { field: 'from' });
  const period = {
    from: startOfNationalDay(from),
    to: startOfNationalDay(addDays(to, 1)),
    district: query.district,
  };
  const [tally, wait, revoked, refused] = await Promise.all([
    repo.referralTally(period),
    repo.waitDays(period),
    repo.revocationsByKindergarten(period),
    repo.refusalsByKindergarten(period),
  ]);

  const byGroup = { O: 0, P: 0, G: 0 };
  const byCategory = new Map<string, number>();
  const byStatus: Record<string, number> = {};
  for (const row of tally) {
    byGroup[orderingGroup(row.categories, row.privilege_used)] += row.count;
    for (const category of row.categories)
      byCategory.set(category, (byCategory.get(category) ?? 0) + row.count);
    const status = LIVE.includes(row.status) ? 'live' : row.status;
    byStatus[status] = (byStatus[status] ?? 0) + row.count;
  }

  const kindergartens = new Map<string, Fairness['kindergartens'][number]>();
  const entry = (row: KindergartenRow) => {
    const known = kindergartens.get(row.id) ?? {
      id: row.id,
      name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
      revokedUnits: 0,
      revokedByReason: {},
      refusals: 0,
      refusalsByReason: {},
    };
    kindergartens.set(row.id, known);
    return known;
  };
  for (const row of revoked) {
    const k = entry(row);
    k.revokedUnits += row.count;
    k.revokedByReason[row.reason ?? 'unknown'] =
      (k.revokedByReason[row.reason ?? 'unknown'] ?? 0) + row.count;
  }
  for (const row of refused) {
    const k = entry(row);
    k.refusals += row.count;
    k.refusalsByReason[row.reason ?? 'unknown'] =
      (k.refusalsByReason[row.reason ?? 'unknown'] ?? 0) + row.count;
  }

  return {
    district: query.district ?? null,
    from,
    to,
    asOf: format(now),
    referrals: {
      total: byGroup.O + byGroup.P + byGroup.G,
      byGroup,
      byCategory: [...byCategory]
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      byStatus,
    },
    interleave: {
      priority: byGroup.P,
      general: byGroup.G,
      target: DEFAULT_POLICY.generalPerPriority,
      achieved: byGroup.P === 0 ? null : round1(byGroup.G / byGroup.P),
    },
    waitDays: { referrals: wait.referrals, median: round1(wait.median), p90: round1(wait.p90) },
    kindergartens: [...kindergartens.values()].sort(
      (a, b) => b.revokedUnits + b.refusals - (a.revokedUnits + a.refusals) || a.id.localeCompare(b.id),
    ),
  };
}
