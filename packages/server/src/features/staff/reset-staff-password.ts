import type { StaffAccountWithPassword } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { temporaryPassword } from './passwords';
import { toStaffAccount, type StaffDeps } from './staff-deps';

/**
 * A forgotten password: the regional admin issues a one-time password (answered once), the lockout is lifted and
 * every session of the account ends; the new password must be changed at the next sign-in.
 */
export async function resetStaffPassword(
  deps: StaffDeps,
  actor: Actor,
  id: string,
  now: Date,
): Promise<StaffAccountWithPassword> {
  // The operator's `kezek staff` command acts as the system: it lets a locked-out admin back in.
  if (actor.kind !== 'system') requireStaff(actor, ['regionalAdmin']);
  const password = temporaryPassword();
  const hash = await deps.passwords.hash(password);
  const after = await deps.transaction(async ({ staff, audit }) => {
    if ((await staff.byId(id)) === undefined) throw new AppError('NOT_FOUND', 'No such staff account');
    await staff.setPassword(id, hash, true);
    await staff.revokeSessions(id, now);
    await audit.record({
      at: now,
      actor,
      action: 'staff.passwordReset',
      entityType: 'staff_user',
      entityId: id,
    });
    return staff.byId(id);
  });
  if (after === undefined) throw new AppError('NOT_FOUND', 'No such staff account');
  return { account: toStaffAccount(after, now, deps.format), temporaryPassword: password };
}
