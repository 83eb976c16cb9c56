import { LEDGER_LOGS, type LedgerLog } from '@kezek/contracts';
import { createMerkleLog, verifyTreeHead } from '@kezek/domain';
import type { KeyObject } from 'node:crypto';
import { ed25519Verify } from '../../platform/ed25519';
import { sha256 } from '../../platform/sha256';
import { headJson, signedTreeHeadOf } from './head-json';
import type { LeafRow, LedgerRepository } from './ledger.repository';
import { hashLeaf, parseLeaf, subjectKey, subjectOf, type ParsedLeaf } from './register-leaf';
import { registerOfLog } from './registers';

export type LogAudit = {
  log: LedgerLog;
  /** Leaves sequenced (contiguous or not) and waiting for the sequencer. */
  sequenced: number;
  pending: number;
  heads: number;
  findings: string[];
};

const where = (row: LeafRow): string => (row.leafIndex === null ? 'pending leaf' : `leaf ${row.leafIndex}`);

/**
 * Checks the stored leaves of one log against themselves: each leaf's hash recomputed from its content, the
 * indexes contiguous from 0, an entity's versions never going back in index order. Returns the leaf hashes of the
 * sequenced leaves in stored order (what the heads are then checked against) and each entity's latest leaf.
 */
function checkLeaves(log: LedgerLog, rows: readonly LeafRow[], findings: string[]) {
  const tree = createMerkleLog(sha256);
  const latest = new Map<string, { row: LeafRow; leaf: ParsedLeaf }>();
  const highestVersion = new Map<string, number>();
  for (const row of rows) {
    if (row.leafIndex !== null) {
      if (row.leafIndex !== tree.size)
        findings.push(
          row.leafIndex > tree.size
            ? `leaves ${tree.size}…${row.leafIndex - 1} are missing (deleted)`
            : `leaf index ${row.leafIndex} is stored twice`,
        );
      // The tree of the leaves as they are now, content rehashed: a changed or moved leaf changes its roots.
      tree.appendLeafHash(Buffer.from(hashLeaf(row.leaf), 'hex'));
    }
    if (hashLeaf(row.leaf) !== row.leafHash)
      findings.push(`${where(row)}: content does not match its leaf hash`);
    const leaf = parseLeaf(row.leaf);
    if (leaf === undefined) {
      findings.push(`${where(row)}: not a register leaf`);
      continue;
    }
    if (leaf.log !== log || leaf.entity !== row.entityId || leaf.version !== row.entityVersion)
      findings.push(`${where(row)}: log, entity or version columns disagree with the leaf`);
    const highest = highestVersion.get(leaf.entity);
    if (highest !== undefined && leaf.version < highest)
      findings.push(
        `${where(row)}: version ${leaf.version} of ${leaf.entity} after version ${highest} (reordered)`,
      );
    highestVersion.set(leaf.entity, Math.max(highest ?? leaf.version, leaf.version));
    latest.set(leaf.entity, { row, leaf });
  }
  return { tree, latest };
}

/**
 * `kezek audit-ledger` (issue 7): recomputes each log from the stored registers and reports every row whose
 * current content no longer matches its latest leaf, every missing, altered or reordered leaf, and every signed
 * head whose signature or root does not match the leaves. An empty `findings` everywhere means consistent.
 */
export async function auditLedger(
  repo: LedgerRepository,
  publicKey: KeyObject | undefined,
): Promise<LogAudit[]> {
  const audits: LogAudit[] = [];
  for (const log of LEDGER_LOGS) {
    const findings: string[] = [];
    const rows = await repo.allLeaves(log);
    const { tree, latest } = checkLeaves(log, rows, findings);
    const heads = await repo.heads(log);
    for (const head of heads) {
      const at = head.signedAt.toISOString();
      const signed = signedTreeHeadOf(headJson(head));
      if (publicKey === undefined) findings.push(`head of ${at}: no key to check its signature against`);
      else if (
        !verifyTreeHead(signed, (message, signature) => ed25519Verify(publicKey, message, signature)).ok
      )
        findings.push(`head of ${at}: signature does not verify under the log's key`);
      if (head.treeSize > tree.size)
        findings.push(`head of ${at}: covers ${head.treeSize} leaves, the log holds ${tree.size}`);
      else if (Buffer.from(tree.rootAt(head.treeSize)).toString('hex') !== head.rootHash)
        findings.push(`head of ${at}: root of the first ${head.treeSize} leaves does not match`);
    }
    const register = registerOfLog(log);
    if (register !== undefined) {
      const salts = await repo.salts(log);
      const entities = new Set<string>();
      for (const entry of await register.entries(repo)) {
        entities.add(entry.entityId);
        const last = latest.get(entry.entityId);
        const salt = salts.get(entry.entityId);
        if (last === undefined) findings.push(`${register.entityType} ${entry.entityId}: no leaf`);
        else if (salt === undefined) findings.push(`${register.entityType} ${entry.entityId}: salt missing`);
        else if (subjectKey(subjectOf(entry, salt)) !== subjectKey(last.leaf))
          findings.push(
            `${register.entityType} ${entry.entityId}: row (version ${entry.version}) no longer matches its ` +
              `latest ${where(last.row)} (version ${last.leaf.version})`,
          );
      }
      for (const entity of latest.keys())
        if (!entities.has(entity))
          findings.push(`${register.entityType} ${entity}: has leaves but no row (deleted)`);
    }
    const pending = rows.filter((row) => row.leafIndex === null).length;
    audits.push({ log, sequenced: rows.length - pending, pending, heads: heads.length, findings });
  }
  return audits;
}
