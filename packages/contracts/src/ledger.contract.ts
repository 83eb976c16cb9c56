import { z } from '@hono/zod-openapi';

/**
 * The public transparency API of the registers (issue 7, R-SYS-08, docs/ledger.md): anonymous reads of signed
 * tree heads, proofs and leaves, and the receipt a holder verifies offline with `kezek verify`. No personal data:
 * a leaf carries public fields and a salted commitment to the personal ones.
 */
export const LEDGER_LOGS = ['applications', 'referrals', 'bulletins'] as const;
export const ZLedgerLog = z.enum(LEDGER_LOGS).openapi({ description: 'Which register' });
export type LedgerLog = z.infer<typeof ZLedgerLog>;

const hexOf = (bytes: number, description: string) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${bytes} bytes as lowercase hex`)
    .openapi({ description });
export const ZHash = hexOf(32, 'SHA-256 hash, lowercase hex');
const ZSignature = hexOf(64, 'Ed25519 signature, lowercase hex');
const ZPublicKey = hexOf(32, 'Ed25519 public key (raw 32 bytes), lowercase hex');
const ZSize = z.number().int().min(0);

export const ZLedgerLogParam = z.object({
  log: ZLedgerLog.openapi({ param: { name: 'log', in: 'path' } }),
});

/** A signed tree head (RFC 6962 §3.5); the signed bytes are those of domain ledger/tree-head.ts. */
export const ZSignedTreeHead = z
  .object({
    logId: z.string().openapi({ description: "'kezek/' + the register" }),
    treeSize: ZSize,
    rootHash: ZHash,
    timestamp: ZSize.openapi({ description: 'Epoch milliseconds the head was signed for' }),
    signature: ZSignature,
    keyId: ZHash.openapi({ description: 'SHA-256 of the public key (SubjectPublicKeyInfo DER)' }),
  })
  .openapi('SignedTreeHead');
export type SignedTreeHeadJson = z.infer<typeof ZSignedTreeHead>;

/** GET /api/ledger/key */
export const ZLedgerKey = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKey: ZPublicKey,
    keyId: ZHash,
    pem: z.string().openapi({ description: 'The public key as SubjectPublicKeyInfo PEM' }),
  })
  .openapi('LedgerKey');
export type LedgerKey = z.infer<typeof ZLedgerKey>;

/** GET /api/ledger/{log}/head */
export const ZLatestHead = z.object({ log: ZLedgerLog, head: ZSignedTreeHead }).openapi('LatestTreeHead');
export type LatestHead = z.infer<typeof ZLatestHead>;

const ZIndexQuery = z.coerce.number().int().min(0).max(2_147_483_647);

/** GET /api/ledger/{log}/proof/inclusion — exactly one of leafHash and index; treeSize defaults to the latest head. */
export const ZInclusionQuery = z
  .object({
    leafHash: ZHash.optional(),
    index: ZIndexQuery.optional(),
    treeSize: ZIndexQuery.optional().openapi({ description: 'Default: the latest signed head' }),
  })
  .refine((q) => (q.leafHash === undefined) !== (q.index === undefined), {
    message: 'give exactly one of leafHash and index',
    path: ['leafHash'],
  });

export const ZInclusionProof = z
  .object({
    log: ZLedgerLog,
    index: ZSize,
    leafHash: ZHash,
    treeSize: ZSize,
    proof: z.array(ZHash).openapi({ description: 'RFC 9162 §2.1.3 audit path, nearest the leaf first' }),
  })
  .openapi('InclusionProof');
export type InclusionProof = z.infer<typeof ZInclusionProof>;

/** GET /api/ledger/{log}/proof/consistency?from=&to= (to defaults to the latest head). */
export const ZConsistencyQuery = z.object({ from: ZIndexQuery, to: ZIndexQuery.optional() });

export const ZConsistencyProof = z
  .object({ log: ZLedgerLog, from: ZSize, to: ZSize, proof: z.array(ZHash) })
  .openapi('ConsistencyProof');
export type ConsistencyProof = z.infer<typeof ZConsistencyProof>;

export const MAX_LEAVES_PAGE = 1000;

/** GET /api/ledger/{log}/leaves?start=&limit= — sequenced leaves, at most 1000 per page. */
export const ZLeavesQuery = z.object({
  start: ZIndexQuery.default(0),
  limit: z.coerce.number().int().min(1).max(MAX_LEAVES_PAGE).default(100),
});

export const ZLeafEntry = z.object({
  index: ZSize,
  leafHash: ZHash,
  leaf: z.string().openapi({ description: 'The canonical JSON that was hashed (RFC 6962 §2.1 leaf input)' }),
});

export const ZLeavesPage = z
  .object({
    log: ZLedgerLog,
    start: ZSize,
    size: ZSize.openapi({ description: 'Leaves sequenced so far' }),
    leaves: z.array(ZLeafEntry),
  })
  .openapi('LeavesPage');
export type LeavesPage = z.infer<typeof ZLeavesPage>;

export const RECEIPT_FORMAT = 'kezek-ledger-receipt/1';

/**
 * The ledger block of a receipt: the leaf, its hash and — once sequenced and covered by a signed head — its index,
 * the head and the inclusion proof. Before that, the leaf hash is the log's promise of inclusion (docs/ledger.md).
 */
export const ZLedgerReceipt = z
  .object({
    format: z.literal(RECEIPT_FORMAT),
    log: ZLedgerLog,
    leaf: z.string(),
    leafHash: ZHash,
    index: ZSize.nullable(),
    head: ZSignedTreeHead.nullable(),
    proof: z.array(ZHash).nullable(),
    publicKey: ZPublicKey,
    qr: z.string().openapi({ description: 'The compact text form for a QR code; `kezek verify` accepts it' }),
  })
  .openapi('LedgerReceipt');
export type LedgerReceipt = z.infer<typeof ZLedgerReceipt>;

export const ZReceiptParam = z.object({
  log: ZLedgerLog.openapi({ param: { name: 'log', in: 'path' } }),
  leafHash: ZHash.openapi({ param: { name: 'leafHash', in: 'path' } }),
});

/** POST /api/ledger/heads — sign a head of every log now (operator, regional administrator). */
export const ZSignedHeads = z.object({ heads: z.array(ZLatestHead) }).openapi('SignedHeads');
export type SignedHeads = z.infer<typeof ZSignedHeads>;
