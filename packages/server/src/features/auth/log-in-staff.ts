import type { StaffLoginRequest } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { sha256Hex } from './auth-secrets';
import type { AuthRepository, LoginTarget } from './auth.repository';
import { openSession, type OpenedSession, type RequestMeta } from './open-session';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export type PasswordVerifier = { verify(password: string, stored: string): Promise<boolean> };

// One message for an unknown login and a wrong password, so the answer does not tell which logins exist.
const INCORRECT = 'The login or password is incorrect';
// The same for existing and unknown logins: login_throttle counts failures of unknown ones just the same.
const LOCKED = 'Too many failed attempts; sign-in is blocked for 15 minutes';

/**
 * Staff sign-in with a password. Unknown logins cost the same key stretching (a dummy hash) and are locked out
 * the same way as accounts, so neither timing nor answers reveal whether a login exists.
 */
export async function logInStaff(
  deps: {
    repo: Pick<AuthRepository, 'staffForLogin' | 'throttledUntil' | 'transaction'>;
    passwords: PasswordVerifier;
    dummyHash: Promise<string>;
  },
  input: StaffLoginRequest,
  meta: RequestMeta,
): Promise<OpenedSession & { actor: Actor }> {
  const { repo } = deps;
  const user = await repo.staffForLogin(input.login);
  const loginHash = sha256Hex(input.login);
  const target: LoginTarget =
    user === undefined ? { kind: 'unknown', loginHash } : { kind: 'staff', id: user.id };
  const audit = (action: string, data: Record<string, unknown> = {}) => ({
    at: meta.now,
    actor_type: 'public' as const,
    actor_id: null,
    action,
    // An unknown login is recorded by its hash: it may be a password typed into the wrong field.
    entity_type: user === undefined ? 'login' : 'staff_user',
    entity_id: user?.id ?? loginHash,
    request_id: meta.requestId,
    data: { ip: meta.ip, userAgent: meta.userAgent, ...data },
  });

  const lockedUntil = user === undefined ? await repo.throttledUntil(loginHash) : user.locked_until;
  if (lockedUntil !== null && lockedUntil > meta.now) {
    await repo.transaction((tx) => tx.audit(audit('auth.staffLogin.failed', { reason: 'locked' })));
    throw new AppError('RATE_LIMITED', LOCKED);
  }

  const matches = await deps.passwords.verify(input.password, user?.password_hash ?? (await deps.dummyHash));
  if (user === undefined || !matches) {
    const lockedNow = await repo.transaction(async (tx) => {
      const lock = await tx.recordLoginFailure(
        target,
        MAX_FAILED_LOGINS,
        new Date(meta.now.getTime() + LOCKOUT_MS),
      );
      await tx.audit(audit('auth.staffLogin.failed', { reason: 'credentials' }));
      if (lock !== undefined) await tx.audit(audit('auth.staffLogin.locked', { until: lock.toISOString() }));
      return lock !== undefined;
    });
    throw lockedNow ? new AppError('RATE_LIMITED', LOCKED) : new AppError('UNAUTHENTICATED', INCORRECT);
  }

  return repo.transaction(async (tx) => {
    if (!(await tx.clearLoginFailures(user.id, meta.now))) throw new AppError('RATE_LIMITED', LOCKED);
    const session = await openSession(tx, { kind: 'staff', staffUserId: user.id }, meta);
    await tx.audit({
      ...audit('auth.staffLogin.succeeded'),
      actor_type: 'staff',
      actor_id: user.id,
    });
    const actor: Actor = {
      kind: 'staff',
      userId: user.id,
      role: user.role,
      districtKato: user.district_kato,
      kindergartenId: user.kindergarten_id,
    };
    return { ...session, actor };
  });
}
