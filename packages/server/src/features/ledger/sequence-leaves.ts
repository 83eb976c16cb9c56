import type { LedgerLogName } from '@kezek/db';
import type { Transactor } from '../../platform/transactor';
import { appendRegisterLeaf } from './append-register-leaf';
import type { LedgerRepository } from './ledger.repository';
import { REGISTERS, type Register } from './registers';

const BATCH = 5000;

/**
 * The sequencer (docs/ledger.md, "merge delay"): under the log's row lock, gives the unsequenced leaves the next
 * contiguous indexes in the order they were appended. Writers only insert, so they never wait for it; two
 * sequencers (two processes) take turns on the lock. Returns the number of leaves placed.
 */
export async function sequenceLeaves(
  transaction: Transactor<LedgerRepository>,
  log: LedgerLogName,
): Promise<number> {
  let total = 0;
  for (;;) {
    const placed = await transaction(async (repo) => repo.placeLeaves(log, await repo.lockLog(log), BATCH));
    total += placed;
    if (placed < BATCH) return total;
  }
}

/**
 * Register rows with no leaf at all — written before logging began or imported in bulk (the demo data) — get an
 * `imported` leaf of their current content, so every row of a register is in its log. Returns how many.
 */
export async function logUnloggedRows(
  transaction: Transactor<LedgerRepository>,
  register: Register,
  at: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const logged = await transaction(async (repo) => {
      const rows = await register.entries(repo, await repo.unloggedIds(register.log, BATCH));
      for (const row of rows)
        await appendRegisterLeaf(repo, {
          entityType: register.entityType,
          entityId: row.entityId,
          action: `${register.entityType}.imported`,
          at,
        });
      return rows.length;
    });
    total += logged;
    if (logged < BATCH) return total;
  }
}

/** One sequencer pass over every register: import rows without a leaf, then place all pending leaves. */
export async function sequenceAll(
  transaction: Transactor<LedgerRepository>,
  at: Date,
): Promise<{ log: LedgerLogName; imported: number; placed: number }[]> {
  const result: { log: LedgerLogName; imported: number; placed: number }[] = [];
  for (const register of REGISTERS) {
    const imported = await logUnloggedRows(transaction, register, at);
    result.push({ log: register.log, imported, placed: await sequenceLeaves(transaction, register.log) });
  }
  return result;
}
