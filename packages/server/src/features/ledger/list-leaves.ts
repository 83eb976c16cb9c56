import type { LeavesPage, LedgerLog } from '@kezek/contracts';
import type { LedgerRepository } from './ledger.repository';

/** Sequenced leaves from `start`, at most `limit` (≤ 1000): anyone can rebuild the tree and check the heads. */
export async function listLeaves(
  repo: LedgerRepository,
  log: LedgerLog,
  query: { start: number; limit: number },
): Promise<LeavesPage> {
  const [size, rows] = await Promise.all([repo.size(log), repo.leafRange(log, query.start, query.limit)]);
  return {
    log,
    start: query.start,
    size,
    leaves: rows.flatMap((row) =>
      row.leafIndex === null ? [] : [{ index: row.leafIndex, leafHash: row.leafHash, leaf: row.leaf }],
    ),
  };
}
