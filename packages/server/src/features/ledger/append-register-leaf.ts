import { randomBytes } from 'node:crypto';
import type { LedgerRepository } from './ledger.repository';
import { parseLeaf, registerLeaf, subjectKey, subjectOf } from './register-leaf';
import { registerOfEntity } from './registers';

export const freshSalt = (): string => randomBytes(32).toString('hex');

type RegisterEvent = { entityType: string; entityId: string; action: string; at: Date };

/**
 * Appends the entity's leaf from its row as it is now; `onlyIfChanged` skips it when the row still matches its
 * latest leaf. Returns the related entities the row names (or none when nothing was appended).
 */
async function appendLeaf(
  repo: LedgerRepository,
  event: RegisterEvent,
  onlyIfChanged: boolean,
): Promise<ReadonlyArray<{ entityType: string; entityId: string }>> {
  const register = registerOfEntity(event.entityType);
  if (register === undefined) return [];
  const [entry] = await register.entries(repo, [event.entityId]);
  if (entry === undefined)
    throw new Error(
      `audited ${event.entityType} ${event.entityId} has no row to log (audit before the write?)`,
    );
  const salt = await repo.saltFor(register.log, entry.entityId, freshSalt);
  const subject = subjectOf(entry, salt);
  if (onlyIfChanged) {
    const latest = await repo.latestLeafOf(register.log, entry.entityId);
    const parsed = latest === undefined ? undefined : parseLeaf(latest.leaf);
    if (parsed !== undefined && subjectKey(parsed) === subjectKey(subject)) return [];
  }
  const { leaf, leafHash } = registerLeaf(register.log, subject, event);
  await repo.insertLeaf({
    log: register.log,
    leafHash,
    leaf,
    entityId: entry.entityId,
    entityVersion: entry.version,
    at: event.at,
  });
  return entry.related ?? [];
}

/**
 * R-SYS-08: the leaf of an audited change of a register entity, appended in the change's own transaction (the
 * repository is bound to it) from the row as the change left it; entities of other types append nothing. Related
 * entities the change moved too (a referral's application) get a leaf of the same event when their row no longer
 * matches their latest leaf. The inserts take no lock other writers wait for; the sequencer places the leaves
 * later (docs/ledger.md).
 */
export async function appendRegisterLeaf(repo: LedgerRepository, event: RegisterEvent): Promise<void> {
  for (const related of await appendLeaf(repo, event, false))
    await appendLeaf(repo, { ...event, ...related }, true);
}
