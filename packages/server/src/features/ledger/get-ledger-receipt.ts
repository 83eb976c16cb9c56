import type { LedgerLog, LedgerReceipt } from '@kezek/contracts';
import { RECEIPT_FORMAT } from '@kezek/contracts';
import { AppError } from '../../platform/app-error';
import { headJson } from './head-json';
import type { LedgerDeps } from './ledger-deps';
import type { LeafRow } from './ledger.repository';
import { receiptQrText } from './receipt-qr';
import { registerOfEntity } from './registers';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

async function receiptOf(deps: LedgerDeps, log: LedgerLog, leaf: LeafRow): Promise<LedgerReceipt> {
  const [head, key] = await Promise.all([deps.repo.latestHead(log), deps.signer()]);
  const index = leaf.leafIndex;
  const covered = head !== undefined && index !== null && index < head.treeSize;
  const proof = covered
    ? (await deps.trees.synced(deps.repo, log)).inclusionProof(index, head.treeSize).map(hex)
    : null;
  const receipt = {
    format: RECEIPT_FORMAT,
    log,
    leaf: leaf.leaf,
    leafHash: leaf.leafHash,
    index: leaf.leafIndex,
    head: covered ? headJson(head) : null,
    proof,
    publicKey: key.publicKeyHex,
  } as const;
  return { ...receipt, qr: receiptQrText(receipt) };
}

/**
 * The receipt of a leaf (public: a leaf holds no personal data): the leaf, and once the leaf is sequenced and a
 * signed head covers it, its index, that head and the inclusion proof — everything `kezek verify` checks offline.
 */
export async function getLedgerReceipt(
  deps: LedgerDeps,
  log: LedgerLog,
  leafHash: string,
): Promise<LedgerReceipt> {
  const leaf = await deps.repo.leafByHash(log, leafHash);
  if (leaf === undefined)
    throw new AppError('NOT_FOUND', 'No leaf with this hash in the log', {
      field: 'leafHash',
      rule: 'R-SYS-08',
    });
  return receiptOf(deps, log, leaf);
}

/**
 * The receipt of an entity's latest leaf, for documents about it (the application receipt, the referral PDF:
 * `receipt.qr` is the QR code's text). Undefined for an entity of no register or with no leaf yet.
 */
export async function entityLedgerReceipt(
  deps: LedgerDeps,
  entityType: string,
  entityId: string,
): Promise<LedgerReceipt | undefined> {
  const register = registerOfEntity(entityType);
  if (register === undefined) return undefined;
  const leaf = await deps.repo.latestLeafOf(register.log, entityId);
  return leaf === undefined ? undefined : receiptOf(deps, register.log, leaf);
}
