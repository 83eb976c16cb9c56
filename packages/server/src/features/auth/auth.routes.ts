import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  ZApplicantChallenge,
  ZApplicantChallengeRequest,
  ZApplicantLoginRequest,
  ZErrorBody,
  ZSession,
  ZStaffLoginRequest,
} from '@kezek/contracts';
import type { Context } from 'hono';
import type { Env } from '../../http/env';
import { actorOf } from '../../http/auth-middleware';
import { createRouter } from '../../http/openapi-app';
import type { Actor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Transactor } from '../../platform/transactor';
import { signerOf, type SignaturePort } from '../../ports/signature-port';
import { csrfTokenFor, sha256Hex } from './auth-secrets';
import type { AuthRepository, AuthTx } from './auth.repository';
import { createLoginChallenge } from './create-login-challenge';
import { getSession } from './get-session';
import { logInApplicant, type LookupName } from './log-in-applicant';
import { logInStaff } from './log-in-staff';
import { logOut } from './log-out';
import type { OpenedSession, RequestMeta } from './open-session';
import {
  clearSessionCookie,
  readSessionToken,
  SESSION_COOKIE,
  setSessionCookie,
  type CookieSecurity,
} from './session-cookie';

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
};

export type AuthRoutesDeps = {
  repo: AuthRepository;
  transaction: Transactor<AuthTx>;
  clock: Clock;
  passwords: PasswordHasher;
  signatures: SignaturePort;
  lookupName: LookupName;
  cookieSecurity: CookieSecurity;
};

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ZErrorBody } },
});
const refusedWrite = error('Cross-site request, or a session write without the X-CSRF-Token header');
type Security = Array<Record<string, string[]>>;
// `{}`: these endpoints also answer without a session.
const sessionSecurity: Security = [{ sessionCookie: [] }, {}];
const writeSecurity: Security = [{ sessionCookie: [], csrfToken: [] }, {}];
const signedIn = {
  description: 'Signed in: the session cookie is set and the answer carries its CSRF token',
  headers: z.object({
    'Set-Cookie': z
      .string()
      .openapi({ description: `${SESSION_COOKIE}=…; Path=/; HttpOnly; SameSite=Lax[; Secure]` }),
  }),
  content: { 'application/json': { schema: ZSession } },
};

const session = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags: ['auth'],
  summary: 'Who is signed in, and the CSRF token for their writes',
  security: sessionSecurity,
  responses: { 200: { description: 'The session', content: { 'application/json': { schema: ZSession } } } },
});

const staffLogin = createRoute({
  method: 'post',
  path: '/api/auth/staff/login',
  tags: ['auth'],
  summary: 'Staff sign-in with login and password',
  description: 'Five failures in a row block the login for 15 minutes; unknown logins are treated the same.',
  security: writeSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: ZStaffLoginRequest } } } },
  responses: {
    200: signedIn,
    400: error('Invalid request'),
    401: error('The login or password is incorrect'),
    403: refusedWrite,
    429: error('Too many failed attempts; blocked for 15 minutes'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: the session is revoked and its cookie cleared',
  security: writeSecurity,
  responses: { 204: { description: 'Signed out (also when there was no session)' }, 403: refusedWrite },
});

const challenge = createRoute({
  method: 'post',
  path: '/api/auth/applicant/challenge',
  tags: ['auth'],
  summary: 'Applicant sign-in, step 1: a single-use text to sign (valid 5 minutes)',
  security: writeSecurity,
  request: {
    body: { required: true, content: { 'application/json': { schema: ZApplicantChallengeRequest } } },
  },
  responses: {
    200: { description: 'The challenge', content: { 'application/json': { schema: ZApplicantChallenge } } },
    400: error('Invalid IIN'),
    403: refusedWrite,
  },
});

const applicantLogin = createRoute({
  method: 'post',
  path: '/api/auth/applicant/login',
  tags: ['auth'],
  summary: 'Applicant sign-in, step 2: the challenge signed with the applicant’s electronic signature',
  security: writeSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: ZApplicantLoginRequest } } } },
  responses: {
    200: signedIn,
    400: error('Invalid request'),
    401: error('Challenge unknown, expired or used; or the signature is invalid or not the applicant’s'),
    403: refusedWrite,
    503: error('The signature verifier is unavailable'),
  },
});

/** The peer's address for the audit log (a proxy's, behind one); in-process test requests have no socket. */
function remoteAddress(c: Context<Env>): string | null {
  return c.env === undefined ? null : (getConnInfo(c).remote.address ?? null);
}

function requestMeta(c: Context<Env>, clock: Clock): RequestMeta {
  const token = readSessionToken(c);
  return {
    now: clock.now(),
    requestId: c.get('requestId'),
    ip: remoteAddress(c),
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    presentedSessionId: token === undefined ? undefined : sha256Hex(token),
  };
}

export function authRoutes(deps: AuthRoutesDeps) {
  const { repo, transaction, clock, cookieSecurity } = deps;
  const signer = signerOf(deps.signatures);
  // Hashed once at start so that the first unknown login costs as much as any other.
  const dummyHash = deps.passwords.hash(`unused-${clock.now().getTime()}`);
  dummyHash.catch(() => undefined);

  const answerSignedIn = async (c: Context<Env>, opened: OpenedSession & { actor: Actor }) => {
    setSessionCookie(c, opened.token, cookieSecurity);
    return getSession(repo, opened.actor, opened.csrfToken, signer);
  };

  const router = createRouter()
    .openapi(session, async (c) => {
      const token = readSessionToken(c);
      return c.json(
        await getSession(repo, actorOf(c), token === undefined ? null : csrfTokenFor(token), signer),
        200,
      );
    })
    .openapi(staffLogin, async (c) => {
      const opened = await logInStaff(
        { repo, transaction, passwords: deps.passwords, dummyHash },
        c.req.valid('json'),
        requestMeta(c, clock),
      );
      return c.json(await answerSignedIn(c, opened), 200);
    })
    .openapi(logout, async (c) => {
      await logOut({ transaction }, actorOf(c), requestMeta(c, clock));
      clearSessionCookie(c, cookieSecurity);
      return c.body(null, 204);
    })
    .openapi(challenge, async (c) =>
      c.json(
        await createLoginChallenge(
          {
            transaction,
            signer,
          },
          c.req.valid('json').iin,
          clock.now(),
        ),
        200,
      ),
    )
    .openapi(applicantLogin, async (c) => {
      const opened = await logInApplicant(
        { repo, transaction, signatures: deps.signatures, lookupName: deps.lookupName },
        c.req.valid('json'),
        requestMeta(c, clock),
      );
      return c.json(await answerSignedIn(c, opened), 200);
    });
  router.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  router.openAPIRegistry.registerComponent('securitySchemes', 'csrfToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
  });
  return router;
}
