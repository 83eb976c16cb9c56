import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Sign } from '@kezek/domain';
import {
  ed25519Sign,
  generateEd25519PrivateKey,
  keyIdOf,
  privateKeyPem,
  rawPublicKey,
} from '../../platform/ed25519';
import type { Logger } from '../../platform/logger';
import type { LedgerRepository } from './ledger.repository';

/** The log's signing key: what signs heads and what verifiers are told to trust (GET /api/ledger/key). */
export type LedgerKeyPair = {
  sign: Sign;
  publicKey: KeyObject;
  /** Raw 32-byte Ed25519 public key, lowercase hex. */
  publicKeyHex: string;
  keyId: string;
};

export type LedgerSigner = () => Promise<LedgerKeyPair>;

function keyPairOf(privateKey: KeyObject): LedgerKeyPair {
  const raw = rawPublicKey(privateKey);
  return {
    sign: (message) => ed25519Sign(privateKey, message),
    publicKey: createPublicKey(privateKey),
    publicKeyHex: Buffer.from(raw).toString('hex'),
    keyId: keyIdOf(raw),
  };
}

/**
 * KEZEK_LEDGER_KEY when configured; otherwise a key generated on first use and kept in app_meta (every process of
 * one database signs with the same key), with a warning: a key stored next to the data it vouches for protects
 * against accidents, not against the operator (docs/ledger.md). Resolved once, on first use.
 */
export function ledgerSigner(deps: {
  repo: LedgerRepository;
  configured: KeyObject | undefined;
  log: Logger;
}): LedgerSigner {
  let resolved: Promise<LedgerKeyPair> | undefined;
  const resolve = async (): Promise<LedgerKeyPair> => {
    if (deps.configured !== undefined) return keyPairOf(deps.configured);
    const stored = await deps.repo.signingKeyPem(() => privateKeyPem(generateEd25519PrivateKey()));
    const pair = keyPairOf(createPrivateKey(stored.pem));
    if (stored.generated)
      deps.log.warn(
        'KEZEK_LEDGER_KEY is not set: generated a ledger signing key and stored it in the database',
        {
          keyId: pair.keyId,
        },
      );
    return pair;
  };
  return () => {
    resolved ??= resolve().catch((error: unknown) => {
      resolved = undefined;
      throw error;
    });
    return resolved;
  };
}

/** The public key heads are checked against when none is given: the configured key, else the stored one. */
export async function currentPublicKey(
  repo: LedgerRepository,
  configured: KeyObject | undefined,
): Promise<KeyObject | undefined> {
  if (configured !== undefined) return createPublicKey(configured);
  const pem = await repo.storedSigningKeyPem();
  return pem === undefined ? undefined : createPublicKey(createPrivateKey(pem));
}
