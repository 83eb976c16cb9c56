import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as edSign,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';
import { parseIin } from '@kezek/domain';
import { z } from 'zod';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { joinUrl, requestJson, type HttpTransport } from './http-json';

/**
 * An electronic digital signature (ЭЦП) over a request, as NCALayer produces it in the browser: a
 * detached CMS in base64 whose signer certificate carries the signer's IIN (SERIALNUMBER=IIN…).
 * Comparing that IIN with the request's is the caller's check (services catalogue 3.3, C2).
 */
export type SignatureVerdict =
  | { ok: true; signerIin: string; signedAt: Date | null }
  /** `retryable`: the verifier could not be asked (a verdict may come later), not "the signature is bad". */
  | { ok: false; reason: string; retryable: boolean };

export type SignaturePort = {
  verify(input: { payload: string; signature: string }): Promise<SignatureVerdict>;
};

const DEV_FORMAT = 'kezek-dev-cms/1';
const DEV_ISSUER = 'CN=Kezek development CA (not НУЦ РК),C=KZ';
const CERTIFICATE_VALIDITY_MS = 365 * 86_400_000;
// An Ed25519 private key is its 32-byte seed behind this fixed PKCS#8 header (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const ZDevEnvelope = z.object({
  format: z.literal(DEV_FORMAT),
  certificate: z.object({
    subject: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    notBefore: z.iso.datetime(),
    notAfter: z.iso.datetime(),
    publicKey: z.base64(),
    issuerSignature: z.base64(),
  }),
  signedAttributes: z.object({
    contentType: z.literal('data'),
    signingTime: z.iso.datetime(),
    messageDigest: z.base64(),
  }),
  signature: z.base64(),
});

type DevEnvelope = z.infer<typeof ZDevEnvelope>;
type DevCertificate = DevEnvelope['certificate'];

// Signed bytes are built from fields in a fixed order, never from a re-serialised object.
const certificateTbs = (c: Omit<DevCertificate, 'issuerSignature'>): Buffer =>
  Buffer.from(JSON.stringify([c.subject, c.issuer, c.serialNumber, c.notBefore, c.notAfter, c.publicKey]));
const attributesTbs = (a: DevEnvelope['signedAttributes']): Buffer =>
  Buffer.from(JSON.stringify([a.contentType, a.signingTime, a.messageDigest]));
const digest = (payload: string): string => createHash('sha256').update(payload, 'utf8').digest('base64');
const fail = (reason: string): SignatureVerdict => ({ ok: false, reason, retryable: false });

/**
 * Development signature authority: a local certification authority (Ed25519) that issues each signer a
 * certificate with their IIN and signs on their behalf, in an envelope shaped like a CMS SignedData
 * (certificate, signed attributes with signing time and payload digest, signature). `sign` exists so
 * tests and the demo UI can produce what NCALayer would; it is never available with the real verifier.
 */
export class DevSignatureAuthority implements SignaturePort {
  private readonly caKey: KeyObject;
  private readonly caPublicKey: KeyObject;
  private readonly signers = new Map<string, { key: KeyObject; certificate: DevCertificate }>();

  /** The same `seed` gives the same authority across restarts, so signatures made earlier still verify. */
  constructor(
    private readonly clock: Clock,
    log: Logger,
    options: { seed?: string } = {},
  ) {
    const seed = createHash('sha256')
      .update(`kezek-dev-ca:${options.seed ?? 'DevSignatureAuthority'}`)
      .digest();
    this.caKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    this.caPublicKey = createPublicKey(this.caKey);
    log.warn('development adapter in use', { adapter: 'DevSignatureAuthority' });
  }

  /** Signs `payload` as the holder of `signerIin` would with NCALayer; throws on an invalid IIN. */
  sign(payload: string, signerIin: string): string {
    if (!parseIin(signerIin).ok)
      throw new RangeError(`DevSignatureAuthority: invalid signer IIN ${signerIin}`);
    const signer = this.signerFor(signerIin);
    const signedAttributes = {
      contentType: 'data' as const,
      signingTime: this.clock.now().toISOString(),
      messageDigest: digest(payload),
    };
    const envelope: DevEnvelope = {
      format: DEV_FORMAT,
      certificate: signer.certificate,
      signedAttributes,
      signature: edSign(null, attributesTbs(signedAttributes), signer.key).toString('base64'),
    };
    return Buffer.from(JSON.stringify(envelope)).toString('base64');
  }

  verify(input: { payload: string; signature: string }): Promise<SignatureVerdict> {
    return Promise.resolve(this.check(input.payload, input.signature));
  }

  private check(payload: string, signature: string): SignatureVerdict {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(signature, 'base64').toString('utf8'));
    } catch {
      return fail('malformed signature: not a base64 signature envelope');
    }
    const parsed = ZDevEnvelope.safeParse(json);
    if (!parsed.success) return fail('malformed signature: the envelope lacks required fields');
    const { certificate, signedAttributes } = parsed.data;
    if (
      !edVerify(
        null,
        certificateTbs(certificate),
        this.caPublicKey,
        Buffer.from(certificate.issuerSignature, 'base64'),
      )
    )
      return fail('certificate not issued by the trusted authority');
    const signedAt = new Date(signedAttributes.signingTime);
    if (signedAt < new Date(certificate.notBefore) || signedAt > new Date(certificate.notAfter))
      return fail('certificate not valid at the signing time');
    if (signedAttributes.messageDigest !== digest(payload))
      return fail('the signed data differ from the payload (digest mismatch)');
    const signerKey = createPublicKey({
      key: Buffer.from(certificate.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (
      !edVerify(
        null,
        attributesTbs(signedAttributes),
        signerKey,
        Buffer.from(parsed.data.signature, 'base64'),
      )
    )
      return fail('the signature does not verify with the certificate key');
    const signerIin = /SERIALNUMBER=IIN(\d{12})/.exec(certificate.subject)?.[1];
    if (signerIin === undefined) return fail('certificate subject carries no IIN');
    return { ok: true, signerIin, signedAt };
  }

  private signerFor(iin: string): { key: KeyObject; certificate: DevCertificate } {
    const known = this.signers.get(iin);
    if (known !== undefined) return known;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const issuedAt = this.clock.now();
    const tbs = {
      subject: `CN=Dev signer ${iin},SERIALNUMBER=IIN${iin},C=KZ`,
      issuer: DEV_ISSUER,
      serialNumber: createHash('sha256')
        .update(publicKey.export({ format: 'der', type: 'spki' }))
        .digest('hex')
        .slice(0, 40),
      notBefore: issuedAt.toISOString(),
      notAfter: new Date(issuedAt.getTime() + CERTIFICATE_VALIDITY_MS).toISOString(),
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    };
    const signer = {
      key: privateKey,
      certificate: {
        ...tbs,
        issuerSignature: edSign(null, certificateTbs(tbs), this.caKey).toString('base64'),
      },
    };
    this.signers.set(iin, signer);
    return signer;
  }
}

export type NcaVerifierConfig = HttpTransport & { url: string; token?: string };

const ZNcaVerifyResponse = z.object({
  valid: z.boolean(),
  message: z.string().optional(),
  signers: z
    .array(
      z.object({
        certificates: z.array(
          z.object({ valid: z.boolean().optional(), subject: z.object({ iin: z.string().optional() }) }),
        ),
        signingTime: z.string().optional(),
        tsp: z.object({ genTime: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});

/**
 * Production verification: the browser signs with NCALayer (the user's key never reaches Kezek) and the
 * server sends the detached CMS with the signed data to a verification service speaking the NCANode
 * `/cms/verify` protocol, which checks the chain to the НУЦ РК roots and revocation (OCSP).
 */
export class NcaSignatureVerifier implements SignaturePort {
  constructor(private readonly config: NcaVerifierConfig) {}

  async verify(input: { payload: string; signature: string }): Promise<SignatureVerdict> {
    const answer = await requestJson(
      'Signature verifier',
      {
        method: 'POST',
        url: joinUrl(this.config.url, 'cms/verify'),
        headers: this.config.token === undefined ? {} : { authorization: `Bearer ${this.config.token}` },
        body: {
          cms: input.signature,
          data: Buffer.from(input.payload, 'utf8').toString('base64'),
          detached: true,
          revocationCheck: ['OCSP'],
        },
      },
      ZNcaVerifyResponse,
      this.config,
    );
    if (!answer.ok) return { ok: false, reason: answer.error.message, retryable: answer.error.retryable };
    const { valid, message, signers } = answer.value;
    if (!valid) return fail(`signature not valid${message === undefined ? '' : `: ${message}`}`);
    const signer = signers[0];
    const iin = signer?.certificates[0]?.subject.iin;
    if (signer === undefined || iin === undefined || !parseIin(iin).ok)
      return fail('the signer certificate carries no valid IIN');
    const time = signer.tsp?.genTime ?? signer.signingTime;
    const signedAt = time === undefined ? null : new Date(time);
    return {
      ok: true,
      signerIin: iin,
      signedAt: signedAt === null || Number.isNaN(signedAt.getTime()) ? null : signedAt,
    };
  }
}

/** Which signer the browser must use for this port: NCALayer, or the development stand-in (POST /api/dev/signature). */
export const signerOf = (port: SignaturePort): 'ncalayer' | 'development' =>
  port instanceof DevSignatureAuthority ? 'development' : 'ncalayer';
