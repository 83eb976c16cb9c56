import type { LedgerKey } from '@kezek/contracts';
import type { LedgerSigner } from './ledger-signer';

/** The public key every signed head verifies under (docs/ledger.md: compare it with the published one). */
export async function getLedgerKey(signer: LedgerSigner): Promise<LedgerKey> {
  const key = await signer();
  return {
    algorithm: 'Ed25519',
    publicKey: key.publicKeyHex,
    keyId: key.keyId,
    pem: key.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
