import type { SignedTreeHeadJson } from '@kezek/contracts';
import type { SignedTreeHead } from '@kezek/domain';
import type { HeadRow } from './ledger.repository';

export const logIdOf = (log: string): string => `kezek/${log}`;

export const headJson = (row: HeadRow): SignedTreeHeadJson => ({
  logId: logIdOf(row.log),
  treeSize: row.treeSize,
  rootHash: row.rootHash,
  timestamp: row.signedAt.getTime(),
  signature: row.signature,
  keyId: row.keyId,
});

/** The domain's form of a head from its JSON (hex → bytes); for verification. */
export const signedTreeHeadOf = (head: SignedTreeHeadJson): SignedTreeHead => ({
  logId: head.logId,
  treeSize: head.treeSize,
  rootHash: Buffer.from(head.rootHash, 'hex'),
  timestamp: head.timestamp,
  signature: Buffer.from(head.signature, 'hex'),
});
