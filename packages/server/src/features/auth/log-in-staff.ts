import type { StaffLoginRequest } from '@kezek/contracts';
import { PUBLIC_ACTOR, type Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { sha256Hex } from './auth-secrets';
import type { Transactor } from '../../platform/transactor';
import type { AuthRepository, AuthTx, LoginTarget } from './auth.repository';
import { authAudit, openSession, type OpenedSession, type RequestMeta } from './open-session';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export type PasswordVerifier = { verify(password: string, stored: string): Promise<boolean> };

// One message for an unknown login and a wrong password, so the answer does not tell which logins exist.
const INCORRECT = 'The login or password is incorrect';
// The same for existing and unknown logins: login_throttle counts failures of unknown ones just the same.
const LOCKED = 'Too many failed attempts; sign-in is blocked for 15 minutes';
const locked = (until: Date, now: Date) =>
  new AppError('RATE_LIMITED', LOCKED, { retryAfterSeconds: (until.getTime() - now.getTime()) / 1000 });

/**
 * Staff sign-in with a password. Unknown logins cost the same key stretching (a dummy hash) and are locked out
 * the same way as accounts, so neither timing nor answers reveal whether a login exists.
 */
export async function logInStaff(
  deps: {
    repo: Pick<AuthRepository, 'staffForLogin' | 'throttledUntil'>;
    transaction: Transactor<AuthTx>;
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
  const event = (action: string, data: Record<string, unknown> = {}, actor: Actor = PUBLIC_ACTOR) =>
    authAudit(meta, {
      actor,
      action,
      // An unknown login is recorded by its hash: it may be a password typed into the wrong field.
      entityType: user === undefined ? 'login' : 'staff_user',
      entityId: user?.id ?? loginHash,
      data,
    });

  const lockedUntil = user === undefined ? await repo.throttledUntil(loginHash) : user.locked_until;
  if (lockedUntil !== null && lockedUntil > meta.now) {
    await deps.transaction(({ audit }) =>
      audit.record(event('auth.staffLogin.failed', { reason: 'locked' })),
    );
    throw locked(lockedUntil, meta.now);
  }

  const matches = await deps.passwords.verify(input.password, user?.password_hash ?? (await deps.dummyHash));
  // A disabled account answers like a wrong password (the answer reveals nothing) and counts no failure.
  if (user?.disabled_at != null) {
    await deps.transaction(({ audit }) =>
      audit.record(event('auth.staffLogin.failed', { reason: 'disabled' })),
    );
    throw new AppError('UNAUTHENTICATED', INCORRECT);
  }
  if (user === undefined || !matches) {
    const lockedNow = await deps.transaction(async ({ auth, audit }) => {
      const lock = await auth.recordLoginFailure(
        target,
        MAX_FAILED_LOGINS,
        new Date(meta.now.getTime() + LOCKOUT_MS),
      );
      await audit.record(event('auth.staffLogin.failed', { reason: 'credentials' }));
      if (lock !== undefined)
        await audit.record(event('auth.staffLogin.locked', { until: lock.toISOString() }));
      return lock;
    });
    throw lockedNow !== undefined ? locked(lockedNow, meta.now) : new AppError('UNAUTHENTICATED', INCORRECT);
  }

  const actor: Actor = {
    kind: 'staff',
    userId: user.id,
    role: user.role,
    districtKato: user.district_kato,
    kindergartenId: user.kindergarten_id,
  };
  return deps.transaction(async ({ auth, audit }) => {
    // Locked by a concurrent failure in the meantime: the full lockout is the honest upper bound.
    if (!(await auth.clearLoginFailures(user.id, meta.now)))
      throw locked(new Date(meta.now.getTime() + LOCKOUT_MS), meta.now);
    const session = await openSession(auth, { kind: 'staff', staffUserId: user.id }, meta);
    await audit.record(event('auth.staffLogin.succeeded', {}, actor));
    return { ...session, actor };
  });
}
