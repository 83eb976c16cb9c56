import type { NewSettlement } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { ADMIN_WRITERS, type AdminDeps } from './admin-deps';

/**
 * §21: a queue is kept per settlement, so a settlement the classifier adds (a new village, a district split) is
 * added here with its KATO code, which must lie under its district's (the first four digits: region and district).
 */
export async function addSettlement(deps: AdminDeps, actor: Actor, input: NewSettlement, now: Date) {
  requireStaff(actor, ADMIN_WRITERS);
  const district = await deps.repo.district(input.district);
  if (district === undefined)
    throw new AppError('VALIDATION_FAILED', `district: no district with KATO code ${input.district}`, {
      field: 'district',
    });
  if (input.kato.slice(0, 4) !== district.kato.slice(0, 4))
    throw new AppError(
      'VALIDATION_FAILED',
      `kato: a settlement of district ${district.kato} has a KATO code beginning ${district.kato.slice(0, 4)}`,
      { field: 'kato' },
    );
  await deps.transaction(async ({ admin, audit }) => {
    const added = await admin.insertSettlement({
      kato: input.kato,
      district_kato: district.kato,
      name_kk: input.name.kk,
      name_ru: input.name.ru,
      name_en: input.name.en,
    });
    if (!added)
      throw new AppError('CONFLICT', `kato: a settlement with KATO code ${input.kato} exists already`, {
        field: 'kato',
      });
    await audit.record({
      at: now,
      actor,
      action: 'settlement.added',
      entityType: 'settlement',
      entityId: input.kato,
      data: { district: district.kato, name: input.name },
    });
  });
  await deps.refreshRules();
  return { kato: input.kato, name: input.name };
}
