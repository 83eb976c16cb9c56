import { describe, expect, it } from 'vitest';
import {
  claimOfJson,
  fromHex,
  parseReceiptInput,
  toHex,
  verifyClaim,
  withDigest,
  type ReceiptClaim,
} from './receipt';
import { CONSISTENCY_PROOF, LATER_HEAD, REAL_RECEIPT } from './receipt.fixture';

const real = (): ReceiptClaim => {
  const claim = claimOfJson(JSON.parse(JSON.stringify(REAL_RECEIPT)));
  if (claim === undefined) throw new Error('fixture is not a receipt');
  return claim;
};

/** Flips the last hex digit: a one-bit change. */
const flip = (hex: string): string => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');

const resultOf = (verdict: Awaited<ReturnType<typeof verifyClaim>>, step: string) =>
  verdict.steps.find((s) => s.step === step)?.result;

describe('R-SYS-08: a register receipt verified with WebCrypto and the domain RFC 6962 code', () => {
  it('accepts a real receipt: leaf hash, key id, published key, head signature and inclusion all pass', async () => {
    const verdict = await verifyClaim(real(), { publishedKey: REAL_RECEIPT.publicKey });
    expect(verdict.steps.map((s) => [s.step, s.result])).toEqual([
      ['leaf', 'passed'],
      ['key', 'passed'],
      ['published', 'passed'],
      ['head', 'passed'],
      ['inclusion', 'passed'],
      ['consistent', 'skipped'],
    ]);
    expect(verdict.ok).toBe(true);
  });

  it('checks that the log’s later signed head extends the receipt’s (consistency proof, as kezek verify --online)', async () => {
    const later = { head: { ...LATER_HEAD }, proof: CONSISTENCY_PROOF };
    const verdict = await verifyClaim(real(), { latest: later });
    expect(resultOf(verdict, 'consistent')).toBe('passed');
    expect(verdict.ok).toBe(true);
    // The receipt's own head is the latest: an empty proof, the same root.
    const head = real().head;
    if (head === null) throw new Error('fixture has no head');
    expect(resultOf(await verifyClaim(real(), { latest: { head, proof: [] } }), 'consistent')).toBe('passed');
  });

  it('rejects a later head that rewrote the receipt’s tree or is not signed by the key', async () => {
    const tamperedProof = [flip(CONSISTENCY_PROOF[0] ?? ''), ...CONSISTENCY_PROOF.slice(1)];
    const rewritten = await verifyClaim(real(), {
      latest: { head: { ...LATER_HEAD }, proof: tamperedProof },
    });
    expect(resultOf(rewritten, 'consistent')).toBe('failed');
    expect(rewritten.ok).toBe(false);
    const unsigned = await verifyClaim(real(), {
      latest: { head: { ...LATER_HEAD, rootHash: flip(LATER_HEAD.rootHash) }, proof: CONSISTENCY_PROOF },
    });
    expect(resultOf(unsigned, 'consistent')).toBe('failed');
  });

  it('rejects an altered leaf (its hash no longer matches)', async () => {
    const claim = { ...real(), leaf: real().leaf?.replace('"entity":"2"', '"entity":"3"') };
    const verdict = await verifyClaim(claim);
    expect(resultOf(verdict, 'leaf')).toBe('failed');
    expect(verdict.ok).toBe(false);
  });

  it('rejects a receipt whose leaf hash was swapped for another leaf (the proof no longer leads to the root)', async () => {
    const claim = { ...real(), leaf: undefined, leafHash: flip(real().leafHash) };
    const verdict = await verifyClaim(claim);
    expect(resultOf(verdict, 'inclusion')).toBe('failed');
    expect(verdict.steps.find((s) => s.step === 'inclusion')?.detail).toBe('root-mismatch');
    expect(verdict.ok).toBe(false);
  });

  it('rejects a tampered proof node, a wrong index and a changed root or tree size', async () => {
    const base = real();
    const head = base.head;
    if (head === null || base.proof === null || base.index === null) throw new Error('fixture has no proof');
    const tampered: ReceiptClaim[] = [
      { ...base, proof: [flip(base.proof[0] ?? ''), ...base.proof.slice(1)] },
      { ...base, index: base.index + 1 },
      { ...base, proof: base.proof.slice(1) },
      { ...base, head: { ...head, rootHash: flip(head.rootHash) } },
      { ...base, head: { ...head, treeSize: head.treeSize + 1 } },
    ];
    for (const claim of tampered) expect((await verifyClaim(claim)).ok).toBe(false);
    // A changed root or size also breaks the head's signature.
    expect(resultOf(await verifyClaim(tampered[3] as ReceiptClaim), 'head')).toBe('failed');
    expect(resultOf(await verifyClaim(tampered[4] as ReceiptClaim), 'head')).toBe('failed');
  });

  it('rejects a forged signature, another log and a key other than the published one', async () => {
    const base = real();
    const head = base.head;
    if (head === null) throw new Error('fixture has no head');
    const forged = await verifyClaim({ ...base, head: { ...head, signature: flip(head.signature) } });
    expect(resultOf(forged, 'head')).toBe('failed');
    expect(forged.ok).toBe(false);
    const otherLog = await verifyClaim({ ...base, log: 'referrals' });
    expect(resultOf(otherLog, 'head')).toBe('failed');
    const unpublished = await verifyClaim(base, { publishedKey: flip(base.publicKey) });
    expect(resultOf(unpublished, 'published')).toBe('failed');
    expect(unpublished.ok).toBe(false);
  });

  it('does not accept a receipt not yet covered by a signed head (merge delay)', async () => {
    const verdict = await verifyClaim({ ...real(), head: null, index: null, proof: null });
    expect(resultOf(verdict, 'inclusion')).toBe('skipped');
    expect(verdict.ok).toBe(false);
  });
});

describe('parseReceiptInput', () => {
  it('reads the JSON receipt, a document carrying it as `ledger`, and its QR text the same way', () => {
    const json = parseReceiptInput(JSON.stringify(REAL_RECEIPT));
    const wrapped = parseReceiptInput(JSON.stringify({ number: 'x', ledger: REAL_RECEIPT }));
    const qr = parseReceiptInput(`  ${REAL_RECEIPT.qr}\n`);
    expect(json.kind).toBe('claim');
    expect(wrapped).toEqual(json);
    if (json.kind !== 'claim' || qr.kind !== 'claim') throw new Error('not parsed');
    expect(qr.claim).toEqual({
      ...json.claim,
      leaf: undefined,
      head: json.claim.head === null ? null : { ...json.claim.head, keyId: undefined },
    });
  });

  it('verifies the QR text too (without the leaf step)', async () => {
    const qr = parseReceiptInput(REAL_RECEIPT.qr);
    if (qr.kind !== 'claim') throw new Error('not parsed');
    const verdict = await verifyClaim(qr.claim);
    expect(verdict.ok).toBe(true);
    expect(resultOf(verdict, 'leaf')).toBe('skipped');
  });

  it('takes a bare leaf hash (any case) and refuses anything else', () => {
    expect(parseReceiptInput(REAL_RECEIPT.leafHash.toUpperCase())).toEqual({
      kind: 'leafHash',
      leafHash: REAL_RECEIPT.leafHash,
    });
    // As the referral PDF prints it: eight groups, here broken over two lines.
    const grouped = REAL_RECEIPT.leafHash.match(/.{8}/g)?.join(' ') ?? '';
    expect(parseReceiptInput(`${grouped.slice(0, 40)}\n${grouped.slice(40)}`)).toEqual({
      kind: 'leafHash',
      leafHash: REAL_RECEIPT.leafHash,
    });
    expect(parseReceiptInput('')).toEqual({ kind: 'invalid' });
    expect(parseReceiptInput('{"format":"other"}')).toEqual({ kind: 'invalid' });
    expect(parseReceiptInput('KZL1.!!!')).toEqual({ kind: 'invalid' });
    expect(parseReceiptInput(JSON.stringify({ ...REAL_RECEIPT, proof: ['zz'] }))).toEqual({
      kind: 'invalid',
    });
  });
});

describe('withDigest', () => {
  it('runs a synchronous-hash computation with an asynchronous digest, asking once per distinct input', async () => {
    const asked: string[] = [];
    const digest = async (bytes: Uint8Array) => {
      asked.push(toHex(bytes));
      return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    };
    const result = await withDigest(digest, (hash) => toHex(hash(hash(new Uint8Array([1])))));
    expect(asked).toHaveLength(2);
    expect(result).toBe(
      toHex(
        new Uint8Array(
          await crypto.subtle.digest('SHA-256', fromHex(asked[1] ?? '') as Uint8Array<ArrayBuffer>),
        ),
      ),
    );
  });
});
