import type { ChangePassword } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireSignedIn } from '../auth/authorize';
import { checkNewPassword } from './passwords';
import type { StaffDeps } from './staff-deps';

/**
 * A member of staff changes their own password (required after a one-time one): the current password proves it is
 * them; the other sessions of the account end, this one stays.
 */
export async function changeOwnPassword(
  deps: StaffDeps,
  actor: Actor,
  sessionId: string | undefined,
  input: ChangePassword,
  now: Date,
): Promise<{ changed: true }> {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== 'staff')
    throw new AppError('FORBIDDEN', 'Applicants sign in with their digital signature and have no password');
  const account = await deps.repo.byId(signedIn.userId);
  if (account === undefined) throw new AppError('UNAUTHENTICATED', 'Sign in again');
  if (!(await deps.passwords.verify(input.currentPassword, account.password_hash)))
    throw new AppError('VALIDATION_FAILED', 'currentPassword: not the current password', {
      field: 'currentPassword',
    });
  checkNewPassword(input.newPassword, account.login, input.currentPassword);
  const hash = await deps.passwords.hash(input.newPassword);
  await deps.transaction(async ({ staff, audit }) => {
    await staff.setPassword(account.id, hash, false);
    await staff.revokeSessions(account.id, now, sessionId);
    await audit.record({
      at: now,
      actor,
      action: 'staff.passwordChanged',
      entityType: 'staff_user',
      entityId: account.id,
    });
  });
  return { changed: true };
}
