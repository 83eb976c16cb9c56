import type {
  ApplicantChallenge,
  ChangePassword,
  DevSignature,
  Session,
  StaffLoginRequest,
} from '@kezek/contracts';
import { getJson, sendJson } from './client';

export const fetchSession = (signal?: AbortSignal): Promise<Session> =>
  getJson<Session>('/api/auth/session', undefined, signal ? { signal } : {});

export const logInStaff = (body: StaffLoginRequest): Promise<Session> =>
  sendJson<Session>('POST', '/api/auth/staff/login', body);

export const requestChallenge = (iin: string): Promise<ApplicantChallenge> =>
  sendJson<ApplicantChallenge>('POST', '/api/auth/applicant/challenge', { iin });

/**
 * DEVELOPMENT ONLY: the server's stand-in for NCALayer signs the challenge. The route exists only while the
 * server runs the development signature adapter; with a real verifier the browser signs with NCALayer.
 */
export const devSign = (iin: string, payload: string): Promise<DevSignature> =>
  sendJson<DevSignature>('POST', '/api/dev/signature', { iin, payload });

export const logInApplicant = (challengeId: string, signature: string): Promise<Session> =>
  sendJson<Session>('POST', '/api/auth/applicant/login', { challengeId, signature });

export const logOut = (): Promise<void> => sendJson<void>('POST', '/api/auth/logout', {});

/** A staff member's own new password (required after a one-time password); their other sessions end. */
export const changeOwnPassword = (body: ChangePassword): Promise<{ changed: true }> =>
  sendJson<{ changed: true }>('POST', '/api/auth/staff/password', body);
