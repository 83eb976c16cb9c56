import { localDate, makeIin } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import { DevSignatureAuthority, NcaSignatureVerifier } from './signature-port';
import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from './testing/fake-http-server';

const log = createLogger('silent');
const clock = manualClock(new Date('2026-03-02T05:00:00Z'));
const signer = makeIin(localDate('1990-04-12'), 'female', 77);
const payload = JSON.stringify({
  child: { iin: '210514500123' },
  settlement: '751110000',
  smsNumbers: ['+77011234567'],
});

type Envelope = {
  certificate: Record<string, string>;
  signedAttributes: Record<string, string>;
  signature: string;
};
const open = (signature: string): Envelope =>
  JSON.parse(Buffer.from(signature, 'base64').toString('utf8')) as Envelope;
const seal = (envelope: Envelope): string => Buffer.from(JSON.stringify(envelope)).toString('base64');

describe('DevSignatureAuthority', () => {
  const authority = new DevSignatureAuthority(clock, log, { seed: 'test' });

  it('verifies its own signature and names the signer IIN and signing time', async () => {
    const signature = authority.sign(payload, signer);
    expect(open(signature).certificate.subject).toContain(`SERIALNUMBER=IIN${signer}`);
    expect(await authority.verify({ payload, signature })).toEqual({
      ok: true,
      signerIin: signer,
      signedAt: new Date('2026-03-02T05:00:00Z'),
    });
  });

  it('rejects a tampered payload', async () => {
    const signature = authority.sign(payload, signer);
    const verdict = await authority.verify({ payload: payload.replace('751110000', '751310000'), signature });
    expect(verdict).toMatchObject({ ok: false, retryable: false });
    expect(!verdict.ok && verdict.reason).toMatch(/digest/);
  });

  it('rejects a signature from another authority (wrong key) and accepts one from the same seed', async () => {
    const stranger = new DevSignatureAuthority(clock, log, { seed: 'other' });
    const foreign = stranger.sign(payload, signer);
    expect(await authority.verify({ payload, signature: foreign })).toMatchObject({
      ok: false,
      reason: 'certificate not issued by the trusted authority',
    });
    const twin = new DevSignatureAuthority(clock, log, { seed: 'test' });
    expect((await twin.verify({ payload, signature: authority.sign(payload, signer) })).ok).toBe(true);
  });

  it('rejects edited envelopes: another IIN in the certificate, another signing time, a swapped signature', async () => {
    const envelope = open(authority.sign(payload, signer));
    const otherIin = makeIin(localDate('1985-01-01'), 'male', 1);
    const reissued = seal({
      ...envelope,
      certificate: { ...envelope.certificate, subject: `CN=x,SERIALNUMBER=IIN${otherIin},C=KZ` },
    });
    expect(await authority.verify({ payload, signature: reissued })).toMatchObject({ ok: false });
    const backdated = seal({
      ...envelope,
      signedAttributes: { ...envelope.signedAttributes, signingTime: '2026-03-02T06:00:00.000Z' },
    });
    expect(await authority.verify({ payload, signature: backdated })).toMatchObject({
      ok: false,
      reason: 'the signature does not verify with the certificate key',
    });
    const other = open(authority.sign('something else', signer));
    const swapped = seal({ ...envelope, signature: other.signature });
    expect(await authority.verify({ payload, signature: swapped })).toMatchObject({ ok: false });
  });

  it.each([
    ['not base64 JSON', 'definitely not a signature'],
    ['an empty string', ''],
    ['JSON of another shape', Buffer.from('{"hello":1}').toString('base64')],
  ])('rejects a malformed envelope: %s', async (_what, signature) => {
    const verdict = await authority.verify({ payload, signature });
    expect(!verdict.ok && verdict.reason).toMatch(/^malformed signature/);
  });

  it('refuses to sign for an invalid IIN', () => {
    expect(() => authority.sign(payload, '123')).toThrow(/invalid signer IIN/);
  });
});

describe('NcaSignatureVerifier (against a local NCANode-compatible service)', () => {
  let server: FakeHttpServer;
  let next: FakeResponse;
  beforeAll(async () => {
    server = await startFakeHttpServer(() => next);
  });
  afterAll(() => server.close());
  const verifier = () => new NcaSignatureVerifier({ url: server.url, token: 'k', timeoutMs: 5000 });

  it('sends the detached CMS with the data and reads the signer IIN and time-stamp', async () => {
    next = {
      json: {
        status: 200,
        valid: true,
        signers: [
          {
            certificates: [{ valid: true, subject: { iin: signer } }],
            tsp: { genTime: '2026-03-02T05:00:01Z' },
          },
        ],
      },
    };
    expect(await verifier().verify({ payload: 'данные', signature: 'MIIB' })).toEqual({
      ok: true,
      signerIin: signer,
      signedAt: new Date('2026-03-02T05:00:01Z'),
    });
    const request = server.requests.at(-1);
    expect(request?.url).toBe('/cms/verify');
    expect(request?.headers.authorization).toBe('Bearer k');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      cms: 'MIIB',
      data: Buffer.from('данные').toString('base64'),
      detached: true,
      revocationCheck: ['OCSP'],
    });
  });

  it('maps an invalid signature, a certificate without IIN and an outage', async () => {
    next = { json: { valid: false, message: 'certificate revoked' } };
    expect(await verifier().verify({ payload, signature: 'x' })).toEqual({
      ok: false,
      reason: 'signature not valid: certificate revoked',
      retryable: false,
    });
    next = { json: { valid: true, signers: [{ certificates: [{ subject: {} }] }] } };
    expect(await verifier().verify({ payload, signature: 'x' })).toMatchObject({
      ok: false,
      retryable: false,
    });
    next = { status: 500, text: 'boom' };
    expect(await verifier().verify({ payload, signature: 'x' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });
});
