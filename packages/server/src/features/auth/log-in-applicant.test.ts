import type { ApplicantChallenge, Session } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICANT_IINS,
  fixtureLookupName,
  openAuthTestApp,
  UNKNOWN_PERSON_IIN,
  type AuthTestApp,
} from '../../testing/auth-fixtures';
import { AppError } from '../../platform/app-error';
import { authRepository, authTransactor } from './auth.repository';
import { logInApplicant } from './log-in-applicant';

let t: AuthTestApp;
beforeAll(async () => {
  t = await openAuthTestApp();
});
afterAll(() => t.close());

const IIN = APPLICANT_IINS.applicantA;
const OTHER_IIN = APPLICANT_IINS.applicantB;

const post = (path: string, body: unknown) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const challenge = async (iin: string) =>
  (await (await post('/api/auth/applicant/challenge', { iin })).json()) as ApplicantChallenge;

const login = (challengeId: string, signature: string) =>
  post('/api/auth/applicant/login', { challengeId, signature });

const errorOf = async (response: Response) => ({
  status: response.status,
  ...((await response.json()) as { error: { code: string; field?: string } }).error,
});

const applicantRows = (iin: string) =>
  t.handle.db
    .selectFrom('applicants')
    .select(['id', 'surname', 'given_name'])
    .where('iin', '=', iin)
    .execute();

describe('applicant sign-in with a signed challenge', () => {
  it('issues a single-use text naming the IIN and the expiry, 5 minutes ahead', async () => {
    const issued = await challenge(IIN);
    expect(issued.challengeId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.payload).toContain(`IIN: ${IIN}`);
    expect(issued.payload).toContain(`Nonce: ${issued.challengeId}`);
    expect(issued.expiresAt).toBe(new Date(t.clock.now().getTime() + 5 * 60_000).toISOString());
    expect(issued.payload).toContain(`Expires: ${issued.expiresAt}`);
    const stored = await t.handle.db.selectFrom('login_challenges').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(issued.challengeId);
  });

  it('signs in with a valid signature, registering the applicant under the registry name once', async () => {
    const first = await challenge(IIN);
    const response = await login(first.challengeId, t.signatures.sign(first.payload, IIN));
    expect(response.status).toBe(200);
    const session = (await response.json()) as Session;
    const person = await t.ports.individuals.lookup(IIN);
    if (!person.ok) throw new Error(person.error.message);
    const { surname, givenName, patronymic } = person.value;
    expect(session.actor).toMatchObject({ kind: 'applicant', surname, givenName, patronymic });
    expect(response.headers.get('set-cookie')).toMatch(/^kezek_session=/);
    const again = await challenge(IIN);
    expect((await login(again.challengeId, t.signatures.sign(again.payload, IIN))).status).toBe(200);
    const rows = await applicantRows(IIN);
    expect(rows).toHaveLength(1);
    expect(session.actor.kind === 'applicant' && session.actor.applicantId).toBe(rows[0]?.id);
  });

  it('refuses a replay of a used challenge', async () => {
    const issued = await challenge(IIN);
    const signature = t.signatures.sign(issued.payload, IIN);
    expect((await login(issued.challengeId, signature)).status).toBe(200);
    expect(await errorOf(await login(issued.challengeId, signature))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      field: 'challengeId',
    });
  });

  it('refuses an expired challenge', async () => {
    const issued = await challenge(IIN);
    const signature = t.signatures.sign(issued.payload, IIN);
    t.clock.advance(5 * 60_000);
    expect(await errorOf(await login(issued.challengeId, signature))).toMatchObject({
      status: 401,
      field: 'challengeId',
    });
  });

  it('refuses a signature over other text, and the challenge stays usable by its owner', async () => {
    const issued = await challenge(IIN);
    const tampered = t.signatures.sign(issued.payload.replace(IIN, OTHER_IIN), IIN);
    expect(await errorOf(await login(issued.challengeId, tampered))).toMatchObject({
      status: 401,
      field: 'signature',
    });
    const garbage = Buffer.from('not a signature').toString('base64');
    expect((await login(issued.challengeId, garbage)).status).toBe(401);
    expect((await login(issued.challengeId, t.signatures.sign(issued.payload, IIN))).status).toBe(200);
  });

  it("refuses someone else's signature over the applicant's challenge", async () => {
    const issued = await challenge(IIN);
    const response = await login(issued.challengeId, t.signatures.sign(issued.payload, OTHER_IIN));
    expect(await errorOf(response)).toMatchObject({ status: 401, field: 'signature' });
    const audited = await t.handle.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'auth.applicantLogin.failed')
      .execute();
    expect(audited.map((row) => (row.data as { reason: string }).reason)).toContain('signer');
  });

  it('refuses a person the individuals database does not know, creating nothing', async () => {
    const issued = await challenge(UNKNOWN_PERSON_IIN);
    const response = await login(issued.challengeId, t.signatures.sign(issued.payload, UNKNOWN_PERSON_IIN));
    expect(response.status).toBe(401);
    expect(await applicantRows(UNKNOWN_PERSON_IIN)).toEqual([]);
  });

  it.each([
    ['12345', 'iin'],
    ['900101300018', 'iin'],
  ])('rejects the IIN %s naming the field', async (iin, field) => {
    expect(await errorOf(await post('/api/auth/applicant/challenge', { iin }))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field,
    });
  });

  it('answers 503, not 401, when the verifier cannot be reached', async () => {
    const issued = await challenge(IIN);
    const attempt = logInApplicant(
      {
        repo: authRepository(t.handle.db),
        transaction: authTransactor(t.handle.db),
        signatures: { verify: () => Promise.resolve({ ok: false, reason: 'timeout', retryable: true }) },
        lookupName: fixtureLookupName,
      },
      { challengeId: issued.challengeId, signature: 'x' },
      {
        now: t.clock.now(),
        requestId: 'test-request',
        ip: null,
        userAgent: null,
        presentedSessionId: undefined,
      },
    );
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
