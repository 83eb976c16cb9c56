import type { NewPolicyChange } from '@kezek/contracts';
import { localDate, parsePolicyOverrides } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { nationalDate, startOfNationalDay } from '../../platform/national-time';
import { requireStaff } from '../auth/authorize';
import { ADMIN_WRITERS, type AdminDeps } from './admin-deps';
import { policyChangeView } from './policy-change-view';

/** Fields that decide the queue order: every position in every queue would move, so no regional act changes them. */
const ORDERING_FIELDS = ['generalPerPriority', 'interleave'] as const;

/**
 * G-12, §24(3)–(4): the regional admin changes the policy — nationwide or for a region — from 00:00 national time of
 * a date after today, so nothing already decided or scheduled today changes under anyone's feet and every process
 * has reloaded the rules by then. Changes are never edited; a later one supersedes.
 */
export async function addPolicyChange(deps: AdminDeps, actor: Actor, input: NewPolicyChange, now: Date) {
  const admin = requireStaff(actor, ADMIN_WRITERS);
  const today = nationalDate(now);
  const from = localDate(input.effectiveFrom);
  if (from <= today)
    throw new AppError(
      'RULE_VIOLATION',
      `effectiveFrom: a policy change takes effect from a date after ${today}`,
      {
        field: 'effectiveFrom',
        rule: 'G-12',
      },
    );
  const overrides = parsePolicyOverrides(input.set);
  if (!overrides.ok) {
    const first = overrides.error[0];
    throw new AppError(
      'VALIDATION_FAILED',
      overrides.error.map((e) => `set.${e.field}: ${e.message}`).join('; '),
      { field: first === undefined || first.field === '' ? 'set' : `set.${first.field}` },
    );
  }
  const fixed = ORDERING_FIELDS.find((field) => field in overrides.value);
  if (fixed !== undefined)
    throw new AppError(
      'RULE_VIOLATION',
      `set.${fixed}: the queue order (one first-priority application after three general ones, §21 ¶3) is the same nationwide and is not changed by a regional act`,
      { field: `set.${fixed}`, rule: 'R-ORDER-03' },
    );
  if (Object.keys(overrides.value).length === 0)
    throw new AppError('VALIDATION_FAILED', 'set: name at least one policy field to change', {
      field: 'set',
    });
  if (input.region !== null && !(await deps.repo.regionExists(input.region)))
    throw new AppError('VALIDATION_FAILED', `region: no region with KATO code ${input.region}`, {
      field: 'region',
    });
  const row = {
    region_kato: input.region,
    effective_from: startOfNationalDay(from),
    overrides: JSON.stringify(overrides.value),
    reason: input.reason,
    created_by: admin.userId,
    created_at: now,
  };
  const id = await deps.transaction(async ({ admin: repo, audit }) => {
    const inserted = await repo.insertPolicyChange(row);
    await audit.record({
      at: now,
      actor,
      action: 'policy.changed',
      entityType: 'policy',
      entityId: input.region ?? 'nationwide',
      data: { id: inserted, effectiveFrom: input.effectiveFrom, set: overrides.value, reason: input.reason },
    });
    return inserted;
  });
  await deps.refreshRules();
  return policyChangeView({ ...row, id, overrides: overrides.value }, deps.format);
}
