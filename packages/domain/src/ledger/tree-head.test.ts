import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CT_ROOTS, fromHex, toHex } from './ledger-test-helpers';
import { signTreeHead, treeHeadBytes, verifyTreeHead, type SignedTreeHead, type TreeHead } from './tree-head';

// Ed25519 as the server will pass it: node:crypto with a null digest (Ed25519 hashes internally).
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const ed25519Sign = (message: Uint8Array): Uint8Array => new Uint8Array(sign(null, message, privateKey));
const ed25519Verify = (message: Uint8Array, signature: Uint8Array): boolean =>
  verify(null, message, publicKey, signature);

const HEAD: TreeHead = {
  logId: 'kezek/applications',
  treeSize: 8,
  rootHash: fromHex(CT_ROOTS[8] ?? ''),
  timestamp: 1_767_225_600_000, // 2026-01-01T00:00Z = 0x19b76daa800
};

describe('signed tree heads (RFC 6962 §3.5, §24(7))', () => {
  it('encodes context, log id, timestamp, size and root as fixed big-endian fields', () => {
    const bytes = treeHeadBytes(HEAD);
    expect(bytes.ok).toBe(true);
    if (!bytes.ok) return;
    const context = toHex(new TextEncoder().encode('KEZEK-TREE-HEAD-V1'));
    const logId = toHex(new TextEncoder().encode('kezek/applications'));
    expect(toHex(bytes.value)).toBe(
      `${context}00` + `12${logId}` + '0000019b76daa800' + '0000000000000008' + `20${CT_ROOTS[8]}`,
    );
    const big = treeHeadBytes({ ...HEAD, treeSize: 2 ** 53 - 1 });
    expect(big.ok && toHex(big.value).includes('001fffffffffffff20')).toBe(true);
  });

  it('a signed head verifies with the log’s key and gives back the head', () => {
    const signed = signTreeHead(HEAD, ed25519Sign);
    expect(signed.signature).toHaveLength(64);
    const checked = verifyTreeHead(signed, ed25519Verify);
    expect(checked.ok && toHex(checked.value.rootHash)).toBe(CT_ROOTS[8]);
    expect(checked.ok && checked.value.treeSize).toBe(8);
  });

  it('any changed field, or a head of another register, fails the signature', () => {
    const signed = signTreeHead(HEAD, ed25519Sign);
    const changed: SignedTreeHead[] = [
      { ...signed, logId: 'kezek/referrals' },
      { ...signed, treeSize: 9 },
      { ...signed, timestamp: signed.timestamp + 1 },
      { ...signed, rootHash: fromHex(CT_ROOTS[7] ?? '') },
      { ...signed, signature: signed.signature.map((byte, i) => (i === 0 ? byte ^ 1 : byte)) },
    ];
    for (const head of changed)
      expect(verifyTreeHead(head, ed25519Verify)).toEqual({ ok: false, error: 'bad-signature' });
  });

  it('a malformed head fails as malformed (never throws); signing one is a programming error', () => {
    const signed = signTreeHead(HEAD, ed25519Sign);
    const malformed: unknown[] = [
      { ...signed, logId: '' },
      { ...signed, logId: 'Kezek Applications' },
      { ...signed, treeSize: -1 },
      { ...signed, treeSize: 2 ** 53 },
      { ...signed, timestamp: Number.NaN },
      { ...signed, rootHash: new Uint8Array(0) },
      { ...signed, rootHash: 'root' },
      { ...signed, signature: undefined },
      {},
    ];
    for (const head of malformed)
      expect(verifyTreeHead(head as SignedTreeHead, ed25519Verify)).toEqual({
        ok: false,
        error: 'malformed',
      });
    expect(() => signTreeHead({ ...HEAD, treeSize: 1.5 }, ed25519Sign)).toThrow(RangeError);
  });
});
