import type { InclusionProof, LedgerLog } from '@kezek/contracts';
import { AppError } from '../../platform/app-error';
import type { LedgerDeps } from './ledger-deps';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** RFC 9162 §2.1.3: the audit path of a leaf (by hash or index) in the tree of treeSize (default: latest head). */
export async function getInclusionProof(
  deps: LedgerDeps,
  log: LedgerLog,
  query: { leafHash?: string | undefined; index?: number | undefined; treeSize?: number | undefined },
): Promise<InclusionProof> {
  const leaf =
    query.leafHash !== undefined
      ? await deps.repo.leafByHash(log, query.leafHash)
      : await deps.repo.leafByIndex(log, query.index ?? 0);
  const field = query.leafHash !== undefined ? 'leafHash' : 'index';
  if (leaf === undefined) throw new AppError('NOT_FOUND', 'No such leaf in the log', { field });
  if (leaf.leafIndex === null)
    throw new AppError(
      'CONFLICT',
      'The leaf is not sequenced yet (merge delay, docs/ledger.md); retry shortly',
      {
        field,
      },
    );
  const treeSize = query.treeSize ?? (await deps.repo.latestHead(log))?.treeSize;
  if (treeSize === undefined)
    throw new AppError('CONFLICT', 'No tree head of this log has been signed yet', { field: 'treeSize' });
  const tree = await deps.trees.synced(deps.repo, log);
  if (treeSize > tree.size || leaf.leafIndex >= treeSize)
    throw new AppError(
      'VALIDATION_FAILED',
      `treeSize must cover the leaf (index ${leaf.leafIndex}) and not exceed the log (${tree.size} leaves)`,
      { field: 'treeSize' },
    );
  return {
    log,
    index: leaf.leafIndex,
    leafHash: leaf.leafHash,
    treeSize,
    proof: tree.inclusionProof(leaf.leafIndex, treeSize).map(hex),
  };
}
