import type { LedgerLog } from '@kezek/contracts';
import { leafHash, treeHeadBytes, verifyConsistency, verifyInclusion, type Hash } from '@kezek/domain';

/**
 * Verifying a register receipt in the browser (docs/ledger.md, R-SYS-08): the same checks as `kezek verify`
 * offline — the leaf matches its hash, the tree head is signed by the log's key, the inclusion proof leads from
 * the leaf to the signed root — with the domain's RFC 6962/9162 code and WebCrypto's SHA-256 and Ed25519.
 */

export const LOGS: readonly LedgerLog[] = ['applications', 'referrals', 'bulletins'];
const QR_PREFIX = 'KZL1.';
const RECEIPT_FORMAT = 'kezek-ledger-receipt/1';
const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

export type ClaimedHead = {
  logId: string;
  treeSize: number;
  rootHash: string;
  timestamp: number;
  signature: string;
  keyId: string | undefined;
};

/** What a receipt claims (from its JSON, a document carrying it as `ledger`, or its QR text). */
export type ReceiptClaim = {
  log: LedgerLog;
  /** Absent in a QR text: the leaf hash stands for it. */
  leaf: string | undefined;
  leafHash: string;
  index: number | null;
  head: ClaimedHead | null;
  proof: string[] | null;
  publicKey: string;
};

export type ParsedInput =
  | { kind: 'claim'; claim: ReceiptClaim }
  /** A bare leaf hash: the receipt must be fetched from the register. */
  | { kind: 'leafHash'; leafHash: string }
  | { kind: 'invalid' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isLog = (value: unknown): value is LedgerLog => LOGS.some((log) => log === value);
const isSize = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isHex =
  (pattern: RegExp) =>
  (value: unknown): value is string =>
    typeof value === 'string' && pattern.test(value);
const isHash = isHex(HEX64);

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Lowercase hex to bytes; undefined when it is not hex of whole bytes. */
export const fromHex = (hex: string): Uint8Array | undefined => {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
};

const base64urlToHex = (text: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return toHex(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
};

const headOf = (value: unknown): ClaimedHead | null | undefined => {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  const { logId, treeSize, rootHash, timestamp, signature, keyId } = value;
  if (typeof logId !== 'string' || !isSize(treeSize) || !isSize(timestamp)) return undefined;
  if (!isHash(rootHash) || !isHex(HEX128)(signature)) return undefined;
  if (keyId !== undefined && !isHash(keyId)) return undefined;
  return { logId, treeSize, rootHash, timestamp, signature, keyId };
};

/** The JSON receipt of GET /api/ledger/{log}/receipts/{leafHash}; undefined when it does not have that shape. */
export const claimOfJson = (value: unknown): ReceiptClaim | undefined => {
  if (!isRecord(value)) return undefined;
  if (value['format'] !== RECEIPT_FORMAT && isRecord(value['ledger'])) return claimOfJson(value['ledger']);
  const { format, log, leaf, index, proof, publicKey } = value;
  if (format !== RECEIPT_FORMAT || !isLog(log) || typeof leaf !== 'string') return undefined;
  if (!isHash(value['leafHash']) || !isHash(publicKey)) return undefined;
  if (index !== null && !isSize(index)) return undefined;
  if (proof !== null && !(Array.isArray(proof) && proof.every(isHash))) return undefined;
  const head = headOf(value['head']);
  if (head === undefined) return undefined;
  return { log, leaf, leafHash: value['leafHash'], index, head, proof, publicKey };
};

/** The QR text `KZL1.` + base64url canonical JSON (hashes in base64url, no leaf) of a receipt. */
export const claimOfQr = (text: string): ReceiptClaim | undefined => {
  const json = base64urlToHex(text.slice(QR_PREFIX.length));
  if (json === undefined) return undefined;
  let c: unknown;
  try {
    c = JSON.parse(new TextDecoder().decode(fromHex(json)));
  } catch {
    return undefined;
  }
  if (!isRecord(c) || !isLog(c['l']) || typeof c['h'] !== 'string' || typeof c['k'] !== 'string')
    return undefined;
  const log = c['l'];
  const hash = base64urlToHex(c['h']);
  const publicKey = base64urlToHex(c['k']);
  if (!isHash(hash) || !isHash(publicKey)) return undefined;
  const index = c['i'];
  if (index !== null && !isSize(index)) return undefined;
  const rawProof = c['p'];
  let proof: string[] | null = null;
  if (rawProof !== null) {
    if (!Array.isArray(rawProof)) return undefined;
    const nodes = rawProof.map((node) => (typeof node === 'string' ? base64urlToHex(node) : undefined));
    if (!nodes.every(isHash)) return undefined;
    proof = nodes;
  }
  const s = c['s'];
  let head: ClaimedHead | null = null;
  if (s !== null) {
    if (!isRecord(s) || !isSize(s['n']) || !isSize(s['t'])) return undefined;
    const rootHash = typeof s['r'] === 'string' ? base64urlToHex(s['r']) : undefined;
    const signature = typeof s['g'] === 'string' ? base64urlToHex(s['g']) : undefined;
    if (!isHash(rootHash) || !isHex(HEX128)(signature)) return undefined;
    head = {
      logId: `kezek/${log}`,
      treeSize: s['n'],
      rootHash,
      timestamp: s['t'],
      signature,
      keyId: undefined,
    };
  }
  return { log, leaf: undefined, leafHash: hash, index, head, proof, publicKey };
};

/** What the citizen pasted: a JSON receipt (or a document with one as `ledger`), a QR text, or a leaf hash. */
export const parseReceiptInput = (text: string): ParsedInput => {
  const trimmed = text.trim();
  // A hash copied from a document may come in groups or broken over lines: its spaces do not count.
  const lower = trimmed.toLowerCase().replace(/\s+/g, '');
  if (HEX64.test(lower)) return { kind: 'leafHash', leafHash: lower };
  if (trimmed.startsWith(QR_PREFIX)) {
    const claim = claimOfQr(trimmed);
    return claim === undefined ? { kind: 'invalid' } : { kind: 'claim', claim };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: 'invalid' };
  }
  const claim = claimOfJson(value);
  return claim === undefined ? { kind: 'invalid' } : { kind: 'claim', claim };
};

/** WebCrypto's SHA-256 (asynchronous). */
export type Digest = (bytes: Uint8Array) => Promise<Uint8Array>;
/** Ed25519 verification with a raw 32-byte public key; false (never a throw) when it fails. */
export type VerifyEd25519 = (
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
) => Promise<boolean>;

export const webDigest: Digest = async (bytes) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

export const webVerifyEd25519: VerifyEd25519 = async (publicKey, message, signature) => {
  try {
    const key = await crypto.subtle.importKey(
      'raw',
      publicKey as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      signature as Uint8Array<ArrayBuffer>,
      message as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
};

/** Thrown out of a run that asked for a digest not computed yet; caught by withDigest, never seen outside. */
class NeedDigest extends Error {
  override readonly name = 'NeedDigest';
  constructor(readonly input: Uint8Array) {
    super('digest needed');
  }
}

/**
 * Runs a computation written against the domain's synchronous `Hash` with an asynchronous digest: whenever it asks
 * for a hash not computed yet, the run stops, the digest is computed and the run starts again with it remembered.
 * The domain's functions are pure, so each rerun takes the same path; a proof of n nodes needs n + 1 runs.
 */
export const withDigest = async <T>(digest: Digest, run: (hash: Hash) => T): Promise<T> => {
  const known = new Map<string, Uint8Array>();
  const hash: Hash = (bytes) => {
    const result = known.get(toHex(bytes));
    if (result === undefined) throw new NeedDigest(bytes.slice());
    return result.slice();
  };
  for (;;) {
    try {
      return run(hash);
    } catch (error) {
      if (!(error instanceof NeedDigest)) throw error;
      known.set(toHex(error.input), await digest(error.input));
    }
  }
};

export type StepName = 'leaf' | 'key' | 'published' | 'head' | 'inclusion' | 'consistent';
export type StepResult = 'passed' | 'failed' | 'skipped';
export type Step = { step: StepName; result: StepResult; detail?: string | undefined };
export type Verdict = { ok: boolean; steps: Step[] };

export type VerifyOptions = {
  digest?: Digest;
  verifyEd25519?: VerifyEd25519;
  /** The log's published public key (GET /api/ledger/key); undefined when it could not be fetched. */
  publishedKey?: string | undefined;
  /**
   * The log's latest signed head now and the consistency proof from the receipt's head to it (GET …/head and
   * …/proof/consistency), as `kezek verify --online` checks; undefined when they could not be fetched.
   */
  latest?: { head: ClaimedHead; proof: readonly string[] } | undefined;
};

/** Whether `head` is a head of `log` signed with the raw Ed25519 key. */
const headSigned = async (
  head: ClaimedHead,
  log: LedgerLog,
  key: Uint8Array | undefined,
  verifyEd25519: VerifyEd25519,
): Promise<boolean> => {
  const root = fromHex(head.rootHash);
  const signature = fromHex(head.signature);
  if (root === undefined || signature === undefined || key === undefined) return false;
  const bytes = treeHeadBytes({
    logId: head.logId,
    treeSize: head.treeSize,
    rootHash: root,
    timestamp: head.timestamp,
  });
  return head.logId === `kezek/${log}` && bytes.ok && (await verifyEd25519(key, bytes.value, signature));
};

/**
 * Every check with its result, in order; the verdict is positive only when every check that applies passed and the
 * leaf is covered by a signed head. A failed check does not stop the later ones, so the page can show them all.
 */
export const verifyClaim = async (claim: ReceiptClaim, options: VerifyOptions = {}): Promise<Verdict> => {
  const digest = options.digest ?? webDigest;
  const verifyEd25519 = options.verifyEd25519 ?? webVerifyEd25519;
  const steps: Step[] = [];

  // 1. The leaf (when the receipt carries it) hashes to the leaf hash: RFC 6962 §2.1, HASH(0x00 ‖ leaf).
  if (claim.leaf === undefined) steps.push({ step: 'leaf', result: 'skipped' });
  else {
    const leaf = claim.leaf;
    const computed = toHex(
      await withDigest(digest, (hash) => leafHash(hash, new TextEncoder().encode(leaf))),
    );
    steps.push({ step: 'leaf', result: computed === claim.leafHash ? 'passed' : 'failed', detail: computed });
  }

  // 2. The key is the one the head names (keyId = SHA-256 of the SubjectPublicKeyInfo DER).
  const key = fromHex(claim.publicKey);
  const head = claim.head;
  if (key === undefined || key.length !== 32) steps.push({ step: 'key', result: 'failed' });
  else if (head === null || head.keyId === undefined) steps.push({ step: 'key', result: 'skipped' });
  else {
    const spki = new Uint8Array([...SPKI_ED25519_PREFIX, ...key]);
    const keyId = toHex(await digest(spki));
    steps.push({ step: 'key', result: keyId === head.keyId ? 'passed' : 'failed', detail: keyId });
  }

  // 3. The key is the log's published one.
  if (options.publishedKey === undefined) steps.push({ step: 'published', result: 'skipped' });
  else
    steps.push({
      step: 'published',
      result: options.publishedKey.toLowerCase() === claim.publicKey ? 'passed' : 'failed',
    });

  // 4. The tree head is signed by that key, for this log.
  const root = head === null ? undefined : fromHex(head.rootHash);
  if (head === null || root === undefined) steps.push({ step: 'head', result: 'skipped' });
  else
    steps.push({
      step: 'head',
      result: (await headSigned(head, claim.log, key, verifyEd25519)) ? 'passed' : 'failed',
    });

  // 5. The inclusion proof leads from the leaf hash to the signed root (RFC 9162 §2.1.3.2).
  const leafBytes = fromHex(claim.leafHash);
  const { index, proof } = claim;
  if (head === null || root === undefined || index === null || proof === null || leafBytes === undefined)
    steps.push({ step: 'inclusion', result: 'skipped' });
  else {
    const nodes = proof.map((node) => fromHex(node) ?? new Uint8Array(0));
    const check = await withDigest(digest, (hash) =>
      verifyInclusion(hash, leafBytes, index, head.treeSize, nodes, root),
    );
    steps.push(
      check.ok
        ? { step: 'inclusion', result: 'passed' }
        : { step: 'inclusion', result: 'failed', detail: check.error },
    );
  }

  // 6. The log's latest signed head extends the receipt's (RFC 9162 §2.1.4.2): nothing it covered was changed since.
  const latest = options.latest;
  const latestRoot = latest === undefined ? undefined : fromHex(latest.head.rootHash);
  if (head === null || root === undefined || latest === undefined || latestRoot === undefined)
    steps.push({ step: 'consistent', result: 'skipped' });
  else {
    const signed = await headSigned(latest.head, claim.log, key, verifyEd25519);
    const nodes = latest.proof.map((node) => fromHex(node) ?? new Uint8Array(0));
    const check = await withDigest(digest, (hash) =>
      verifyConsistency(hash, head.treeSize, latest.head.treeSize, root, latestRoot, nodes),
    );
    steps.push(
      signed && check.ok
        ? { step: 'consistent', result: 'passed' }
        : {
            step: 'consistent',
            result: 'failed',
            detail: signed ? (check.ok ? undefined : check.error) : 'bad-signature',
          },
    );
  }

  const failed = steps.some((step) => step.result === 'failed');
  const covered = steps.some((step) => step.step === 'inclusion' && step.result === 'passed');
  return { ok: !failed && covered, steps };
};

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
