import { createMerkleLog, type MerkleLog } from '@kezek/domain';
import type { LedgerLogName } from '@kezek/db';
import { sha256 } from '../../platform/sha256';
import type { LedgerRepository } from './ledger.repository';

/**
 * The sequenced part of each log as an in-memory RFC 6962 tree, caught up from the database on use: placed leaves
 * never move, so each process reads every leaf hash once and answers proofs in O(log n) hashes.
 */
export type LedgerTrees = { synced: (repo: LedgerRepository, log: LedgerLogName) => Promise<MerkleLog> };

export function createLedgerTrees(): LedgerTrees {
  const trees = new Map<LedgerLogName, MerkleLog>();
  // One catch-up at a time per log: two concurrent ones would append the same leaves twice.
  const queues = new Map<LedgerLogName, Promise<unknown>>();

  async function catchUp(repo: LedgerRepository, log: LedgerLogName): Promise<MerkleLog> {
    let tree = trees.get(log);
    if (tree === undefined) {
      tree = createMerkleLog(sha256);
      trees.set(log, tree);
    }
    for (const row of await repo.leafHashesFrom(log, tree.size)) {
      // The sequencer places leaves contiguously; a hole here means rows were deleted (kezek audit-ledger).
      if (row.leafIndex !== tree.size)
        throw new Error(
          `ledger ${log}: leaf ${tree.size} is missing (next stored is ${String(row.leafIndex)})`,
        );
      tree.appendLeafHash(Buffer.from(row.leafHash, 'hex'));
    }
    return tree;
  }

  return {
    synced(repo, log) {
      const next = (queues.get(log) ?? Promise.resolve()).then(
        () => catchUp(repo, log),
        () => catchUp(repo, log),
      );
      queues.set(log, next);
      return next;
    },
  };
}
