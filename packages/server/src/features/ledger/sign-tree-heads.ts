import { LEDGER_LOGS, type LatestHead } from '@kezek/contracts';
import { signTreeHead } from '@kezek/domain';
import { headJson, logIdOf } from './head-json';
import type { LedgerDeps } from './ledger-deps';
import type { HeadRow } from './ledger.repository';
import { sequenceAll } from './sequence-leaves';

/**
 * Signs a tree head of every register's log at `at` (the job's slot, or now on demand), after sequencing all
 * pending leaves, so a head covers everything committed before it. A head already signed for the same log and
 * instant is kept (a retried slot). Exported for the 18:00 bulletin publication to call as well.
 */
export async function signTreeHeads(deps: LedgerDeps, at: Date): Promise<LatestHead[]> {
  await sequenceAll(deps.transaction, at);
  const key = await deps.signer();
  const heads: LatestHead[] = [];
  for (const log of LEDGER_LOGS) {
    const tree = await deps.trees.synced(deps.repo, log);
    const signed = signTreeHead(
      { logId: logIdOf(log), treeSize: tree.size, rootHash: tree.root(), timestamp: at.getTime() },
      key.sign,
    );
    const row: HeadRow = {
      log,
      treeSize: signed.treeSize,
      rootHash: Buffer.from(signed.rootHash).toString('hex'),
      signedAt: at,
      signature: Buffer.from(signed.signature).toString('hex'),
      keyId: key.keyId,
    };
    await deps.repo.insertHead(row);
    heads.push({ log, head: headJson(row) });
  }
  return heads;
}
