import { randomUUID } from 'node:crypto';
import type { NewStaffAccount, StaffAccountWithPassword } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { temporaryPassword } from './passwords';
import { toStaffAccount, type StaffDeps } from './staff-deps';

/**
 * The regional admin opens an account: a clerk for a district (§4: the provider is the district's education
 * department), kindergarten staff for their organisation, the other roles for neither. The one-time password is
 * answered once and must be changed at the first sign-in.
 */
export async function createStaffAccount(
  deps: StaffDeps,
  actor: Actor,
  input: NewStaffAccount,
  now: Date,
): Promise<StaffAccountWithPassword> {
  // The operator's `kezek staff` command acts as the system: it opens the first admin account.
  if (actor.kind !== 'system') requireStaff(actor, ['regionalAdmin']);
  const needsDistrict = input.role === 'clerk';
  const needsKindergarten = input.role === 'kindergartenStaff';
  if (needsDistrict !== (input.districtKato !== null))
    throw new AppError(
      'VALIDATION_FAILED',
      `districtKato: ${needsDistrict ? 'required for a clerk' : 'only for a clerk'}`,
      {
        field: 'districtKato',
      },
    );
  if (needsKindergarten !== (input.kindergartenId !== null))
    throw new AppError(
      'VALIDATION_FAILED',
      `kindergartenId: ${needsKindergarten ? 'required for kindergarten staff' : 'only for kindergarten staff'}`,
      { field: 'kindergartenId' },
    );
  if (input.districtKato !== null && !(await deps.repo.districtExists(input.districtKato)))
    throw new AppError('VALIDATION_FAILED', `districtKato: no district ${input.districtKato}`, {
      field: 'districtKato',
    });
  if (input.kindergartenId !== null && !(await deps.repo.kindergartenExists(input.kindergartenId)))
    throw new AppError('VALIDATION_FAILED', `kindergartenId: no kindergarten ${input.kindergartenId}`, {
      field: 'kindergartenId',
    });
  const password = temporaryPassword();
  const row = {
    id: randomUUID(),
    login: input.login,
    password_hash: await deps.passwords.hash(password),
    full_name: input.fullName,
    role: input.role,
    district_kato: input.districtKato,
    kindergarten_id: input.kindergartenId,
    created_at: now,
    must_change_password: true,
  };
  await deps.transaction(async ({ staff, audit }) => {
    if (!(await staff.insert(row)))
      throw new AppError('CONFLICT', `login: ${input.login} is taken`, { field: 'login' });
    await audit.record({
      at: now,
      actor,
      action: 'staff.created',
      entityType: 'staff_user',
      entityId: row.id,
      data: {
        login: row.login,
        role: row.role,
        district: row.district_kato,
        kindergarten: row.kindergarten_id,
      },
    });
  });
  return {
    account: toStaffAccount(
      { ...row, failed_logins: 0, locked_until: null, disabled_at: null },
      now,
      deps.format,
    ),
    temporaryPassword: password,
  };
}
