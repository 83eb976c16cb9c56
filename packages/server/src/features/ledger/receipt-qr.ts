import { canonicalJson } from '@kezek/domain';
import { LEDGER_LOGS, ZLedgerReceipt, type LedgerReceipt, type SignedTreeHeadJson } from '@kezek/contracts';
import { z } from 'zod';
import { logIdOf } from './head-json';

/** What a receipt claims, in the form verification needs; from the JSON receipt or its QR text. */
export type ReceiptClaim = Omit<LedgerReceipt, 'format' | 'qr' | 'leaf' | 'head'> & {
  /** Absent in a QR text: the leaf hash stands for it. */
  leaf: string | undefined;
  /** keyId is absent in a QR text: it is recomputed from the public key the text carries. */
  head: (Omit<SignedTreeHeadJson, 'keyId'> & { keyId: string | undefined }) | null;
};

export const QR_PREFIX = 'KZL1.';

const b64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
const hexOf = (base64url: string): string => Buffer.from(base64url, 'base64url').toString('hex');

/**
 * The QR text of a receipt: "KZL1." and base64url of a small canonical JSON with the hashes in base64url — the
 * leaf hash, its index, the signed head, the inclusion proof and the public key, without the leaf itself (the
 * leaf hash stands for it). About 1.2 KB at a million leaves: a version 25–30 QR code at level L.
 */
export function receiptQrText(receipt: Omit<LedgerReceipt, 'qr'>): string {
  const compact = {
    l: receipt.log,
    h: b64(receipt.leafHash),
    k: b64(receipt.publicKey),
    i: receipt.index,
    p: receipt.proof?.map(b64) ?? null,
    s:
      receipt.head === null
        ? null
        : {
            n: receipt.head.treeSize,
            r: b64(receipt.head.rootHash),
            t: receipt.head.timestamp,
            g: b64(receipt.head.signature),
          },
  };
  const json = canonicalJson(compact);
  if (!json.ok) throw new TypeError(`receipt has no canonical JSON: ${json.error}`);
  return QR_PREFIX + Buffer.from(json.value).toString('base64url');
}

const ZB64 = z.string().regex(/^[A-Za-z0-9_-]*$/);
const ZCompact = z.object({
  l: z.enum(LEDGER_LOGS),
  h: ZB64,
  k: ZB64,
  i: z.number().int().min(0).nullable(),
  p: z.array(ZB64).nullable(),
  s: z.object({ n: z.number().int().min(0), r: ZB64, t: z.number().int().min(0), g: ZB64 }).nullable(),
});

/** The claim of a QR text; undefined when the text is not one (wrong prefix, not base64url JSON, wrong shape). */
export function parseReceiptQr(text: string): ReceiptClaim | undefined {
  if (!text.startsWith(QR_PREFIX)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text.slice(QR_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const compact = ZCompact.safeParse(parsed);
  if (!compact.success) return undefined;
  const c = compact.data;
  const publicKey = hexOf(c.k);
  return {
    log: c.l,
    leaf: undefined,
    leafHash: hexOf(c.h),
    index: c.i,
    proof: c.p?.map(hexOf) ?? null,
    publicKey,
    head:
      c.s === null
        ? null
        : {
            logId: logIdOf(c.l),
            treeSize: c.s.n,
            rootHash: hexOf(c.s.r),
            timestamp: c.s.t,
            signature: hexOf(c.s.g),
            keyId: undefined,
          },
  };
}

export const claimOfReceipt = (receipt: LedgerReceipt): ReceiptClaim => ({
  log: receipt.log,
  leaf: receipt.leaf,
  leafHash: receipt.leafHash,
  index: receipt.index,
  head: receipt.head,
  proof: receipt.proof,
  publicKey: receipt.publicKey,
});

/**
 * What `kezek verify` accepts: a QR text, a ledger receipt (JSON), or a document carrying one as `ledger` (the
 * application receipt). Undefined when the text is none of these.
 */
export function parseReceipt(text: string): ReceiptClaim | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith(QR_PREFIX)) return parseReceiptQr(trimmed);
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  const direct = ZLedgerReceipt.safeParse(value);
  if (direct.success) return claimOfReceipt(direct.data);
  const wrapped = z.object({ ledger: ZLedgerReceipt }).safeParse(value);
  return wrapped.success ? claimOfReceipt(wrapped.data.ledger) : undefined;
}
