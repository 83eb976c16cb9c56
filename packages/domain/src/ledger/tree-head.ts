import { err, ok, type Result } from '../time/result';

/**
 * A tree head of one register's log (RFC 6962 §3.5, RFC 9162 §4.10): what the log commits to at a moment.
 * The timestamp is passed in (epoch milliseconds, as RFC 6962 §3.5) since the domain reads no clock.
 */
export type TreeHead = {
  /** Which register's log: 'kezek/applications', 'kezek/referrals', 'kezek/bulletins'. */
  readonly logId: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly timestamp: number;
};

export type SignedTreeHead = TreeHead & { readonly signature: Uint8Array };

/** Injected signature scheme (Ed25519 from node:crypto on the server); `verify` answers false, never throws. */
export type Sign = (message: Uint8Array) => Uint8Array;
export type VerifySignature = (message: Uint8Array, signature: Uint8Array) => boolean;

export type TreeHeadFailure = 'malformed' | 'bad-signature';

const CONTEXT = 'KEZEK-TREE-HEAD-V1';
const LOG_ID = /^[a-z0-9][a-z0-9._/-]{0,63}$/;
const MAX_ROOT_BYTES = 255;

function problemOf(head: TreeHead): string | undefined {
  if (typeof head.logId !== 'string' || !LOG_ID.test(head.logId))
    return `log id must match ${String(LOG_ID)}`;
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0)
    return 'tree size must be a safe integer ≥ 0';
  if (!Number.isSafeInteger(head.timestamp) || head.timestamp < 0) return 'timestamp must be epoch ms ≥ 0';
  if (
    !(head.rootHash instanceof Uint8Array) ||
    head.rootHash.length === 0 ||
    head.rootHash.length > MAX_ROOT_BYTES
  )
    return `root hash must be 1…${MAX_ROOT_BYTES} bytes`;
  return undefined;
}

/** Writes a safe integer as uint64 big-endian: two 32-bit halves, as DataView has no exact 53-bit setter. */
function setUint64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, Math.floor(value / 2 ** 32));
  view.setUint32(offset + 4, value % 2 ** 32);
}

/**
 * The signed bytes. RFC 6962 §3.5 signs a fixed big-endian struct (version, signature type, timestamp,
 * tree_size, root); this keeps that layout and adds a context string and the log id in front, so a signature
 * made for one register (or for anything else the same key signs) can never pass as another's:
 *
 *   "KEZEK-TREE-HEAD-V1" 0x00 | u8 len(logId) | logId (ASCII) | u64 timestamp | u64 tree_size | u8 len(root) | root
 */
export function treeHeadBytes(head: TreeHead): Result<Uint8Array, string> {
  const problem = problemOf(head);
  if (problem !== undefined) return err(problem);
  const context = new TextEncoder().encode(CONTEXT);
  const logId = new TextEncoder().encode(head.logId);
  const bytes = new Uint8Array(context.length + 1 + 1 + logId.length + 8 + 8 + 1 + head.rootHash.length);
  const view = new DataView(bytes.buffer);
  let at = 0;
  bytes.set(context, at);
  at += context.length + 1; // the 0x00 separator is already zero
  view.setUint8(at, logId.length);
  bytes.set(logId, at + 1);
  at += 1 + logId.length;
  setUint64(view, at, head.timestamp);
  setUint64(view, at + 8, head.treeSize);
  at += 16;
  view.setUint8(at, head.rootHash.length);
  bytes.set(head.rootHash, at + 1);
  return ok(bytes);
}

/** Signs a head the log itself produced; an invalid head is a programming error (RangeError). */
export function signTreeHead(head: TreeHead, sign: Sign): SignedTreeHead {
  const bytes = treeHeadBytes(head);
  if (!bytes.ok) throw new RangeError(`tree head: ${bytes.error}`);
  return {
    logId: head.logId,
    treeSize: head.treeSize,
    rootHash: head.rootHash.slice(),
    timestamp: head.timestamp,
    signature: sign(bytes.value),
  };
}

/** Checks a signed head from anywhere (a receipt, a mirror); a malformed head fails instead of throwing. */
export function verifyTreeHead(
  signed: SignedTreeHead,
  verify: VerifySignature,
): Result<TreeHead, TreeHeadFailure> {
  const bytes = treeHeadBytes(signed);
  if (!bytes.ok || !(signed.signature instanceof Uint8Array)) return err('malformed');
  if (!verify(bytes.value, signed.signature)) return err('bad-signature');
  return ok({
    logId: signed.logId,
    treeSize: signed.treeSize,
    rootHash: signed.rootHash,
    timestamp: signed.timestamp,
  });
}
