import type { StaffAccountView, StaffDisable } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { toStaffAccount, type StaffDeps } from './staff-deps';

/**
 * Someone leaves or moves: the regional admin disables the account (its sessions end at once; what it did stays
 * in the audit log) or enables it again. An admin cannot disable their own account.
 */
export async function setStaffDisabled(
  deps: Pick<StaffDeps, 'transaction' | 'format'>,
  actor: Actor,
  id: string,
  input: StaffDisable,
  now: Date,
): Promise<StaffAccountView> {
  const admin = requireStaff(actor, ['regionalAdmin']);
  if (input.disabled && admin.userId === id)
    throw new AppError('VALIDATION_FAILED', 'disabled: an admin cannot disable their own account', {
      field: 'disabled',
    });
  const after = await deps.transaction(async ({ staff, audit }) => {
    if ((await staff.byId(id)) === undefined) throw new AppError('NOT_FOUND', 'No such staff account');
    await staff.setDisabled(id, input.disabled ? now : null);
    if (input.disabled) await staff.revokeSessions(id, now);
    await audit.record({
      at: now,
      actor,
      action: input.disabled ? 'staff.disabled' : 'staff.enabled',
      entityType: 'staff_user',
      entityId: id,
      data: { reason: input.reason },
    });
    return staff.byId(id);
  });
  if (after === undefined) throw new AppError('NOT_FOUND', 'No such staff account');
  return toStaffAccount(after, now, deps.format);
}
