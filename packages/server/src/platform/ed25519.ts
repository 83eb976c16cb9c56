import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { sha256 } from './sha256';

/** PKCS #8 DER prefix of an Ed25519 private key (RFC 8410 §7): a bare 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** SubjectPublicKeyInfo DER prefix of an Ed25519 public key (RFC 8410 §4): the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * An Ed25519 private key from configuration (KEZEK_LEDGER_KEY): PEM ("-----BEGIN PRIVATE KEY-----"), or base64 of
 * either the PKCS #8 DER or the bare 32-byte seed. Anything else, or another key type, is an error message.
 */
export function parseEd25519PrivateKey(text: string): KeyObject | string {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) key = createPrivateKey(trimmed);
    else {
      const der = Buffer.from(trimmed, 'base64');
      key = createPrivateKey({
        key: der.length === 32 ? Buffer.concat([PKCS8_ED25519_PREFIX, der]) : der,
        format: 'der',
        type: 'pkcs8',
      });
    }
  } catch {
    return 'not a PEM or base64 (PKCS #8 DER or 32-byte seed) private key';
  }
  return key.asymmetricKeyType === 'ed25519' ? key : `an ${String(key.asymmetricKeyType)} key, not Ed25519`;
}

export const generateEd25519PrivateKey = (): KeyObject => generateKeyPairSync('ed25519').privateKey;

export const privateKeyPem = (key: KeyObject): string =>
  key.export({ format: 'pem', type: 'pkcs8' }).toString();

/** The raw 32-byte public key of a private or public Ed25519 key. */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(SPKI_ED25519_PREFIX.length));
}

/** The public key from its raw 32 bytes; undefined for anything that is not one. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject | undefined {
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** RFC 6962 §3.2 names a log's key by SHA-256 of its SubjectPublicKeyInfo DER; lowercase hex. */
export const keyIdOf = (raw: Uint8Array): string =>
  Buffer.from(sha256(Buffer.concat([SPKI_ED25519_PREFIX, raw]))).toString('hex');

export const ed25519Sign = (key: KeyObject, message: Uint8Array): Uint8Array =>
  new Uint8Array(sign(null, message, key));

/** False for a bad signature or a malformed one; never throws. */
export function ed25519Verify(key: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
