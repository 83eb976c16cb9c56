import type { ConsistencyProof, LedgerLog } from '@kezek/contracts';
import { AppError } from '../../platform/app-error';
import type { LedgerDeps } from './ledger-deps';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** RFC 9162 §2.1.4: proof that the tree of `to` leaves (default: the latest head) extends the one of `from`. */
export async function getConsistencyProof(
  deps: LedgerDeps,
  log: LedgerLog,
  query: { from: number; to?: number | undefined },
): Promise<ConsistencyProof> {
  const to = query.to ?? (await deps.repo.latestHead(log))?.treeSize;
  if (to === undefined)
    throw new AppError('CONFLICT', 'No tree head of this log has been signed yet', { field: 'to' });
  const tree = await deps.trees.synced(deps.repo, log);
  if (to > tree.size)
    throw new AppError('VALIDATION_FAILED', `to must not exceed the log (${tree.size} leaves)`, {
      field: 'to',
    });
  if (query.from > to)
    throw new AppError('VALIDATION_FAILED', `from must not exceed to (${to})`, { field: 'from' });
  return { log, from: query.from, to, proof: tree.consistencyProof(query.from, to).map(hex) };
}
