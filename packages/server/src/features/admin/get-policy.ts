import type { PolicyOverview } from '@kezek/contracts';
import { DEFAULT_POLICY, instantFromEpochMs, policyAt } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { ADMIN_READERS, type AdminDeps } from './admin-deps';
import { policyChangeView } from './policy-change-view';
import { loadRulesSnapshot } from './rules-snapshot';

/** The policy in force now for a region (or nationwide), the regulation defaults, and every change (G-12). */
export async function getPolicy(
  deps: Pick<AdminDeps, 'repo' | 'format'>,
  actor: Actor,
  region: string | undefined,
  now: Date,
): Promise<PolicyOverview> {
  requireStaff(actor, ADMIN_READERS);
  if (region !== undefined && !(await deps.repo.regionExists(region)))
    throw new AppError('NOT_FOUND', `region: no region with KATO code ${region}`, { field: 'region' });
  const [snapshot, rows] = await Promise.all([loadRulesSnapshot(deps.repo), deps.repo.policyChanges()]);
  const inForce = policyAt(
    { base: DEFAULT_POLICY, changes: [...snapshot.changes] },
    region ?? '',
    instantFromEpochMs(now.getTime()),
  );
  return {
    region: region ?? null,
    inForce,
    defaults: DEFAULT_POLICY,
    changes: rows.map((row) => policyChangeView(row, deps.format)),
  };
}
