import { randomBytes } from 'node:crypto';
import type { LedgerRepository } from './ledger.repository';
import { registerLeaf, subjectOf } from './register-leaf';
import { registerOfEntity } from './registers';

export const freshSalt = (): string => randomBytes(32).toString('hex');

/**
 * R-SYS-08: the leaf of an audited change of a register entity, appended in the change's own transaction (the
 * repository is bound to it) from the row as the change left it. Entities of other types append nothing.
 * The insert takes no lock other writers wait for; the sequencer places the leaf later (docs/ledger.md).
 */
export async function appendRegisterLeaf(
  repo: LedgerRepository,
  event: { entityType: string; entityId: string; action: string; at: Date },
): Promise<void> {
  const register = registerOfEntity(event.entityType);
  if (register === undefined) return;
  const [entry] = await register.entries(repo, [event.entityId]);
  if (entry === undefined)
    throw new Error(
      `audited ${event.entityType} ${event.entityId} has no row to log (audit before the write?)`,
    );
  const salt = await repo.saltFor(register.log, entry.entityId, freshSalt);
  const { leaf, leafHash } = registerLeaf(register.log, subjectOf(entry, salt), event);
  await repo.insertLeaf({
    log: register.log,
    leafHash,
    leaf,
    entityId: entry.entityId,
    entityVersion: entry.version,
    at: event.at,
  });
}
