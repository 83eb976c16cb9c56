import { timeOfDay } from '@kezek/domain';
import { dailyAt, every, type JobDefinition } from '../../platform/jobs/job';
import type { LedgerDeps } from './ledger-deps';
import { sequenceAll } from './sequence-leaves';
import { signTreeHeads } from './sign-tree-heads';

/** How often the sequencer runs; with the job loop's tick it bounds the merge delay (docs/ledger.md). */
export const SEQUENCE_INTERVAL_MS = 10_000;

/** The sequencer: places pending leaves (and logs rows that have none). Only the latest missed slot matters. */
export function sequenceLedgerJob(deps: LedgerDeps): JobDefinition {
  return {
    name: 'ledgerSequence',
    schedule: every(SEQUENCE_INTERVAL_MS),
    catchUpWindowMs: SEQUENCE_INTERVAL_MS,
    handler: (scheduledFor) => sequenceAll(deps.transaction, scheduledFor),
  };
}

/**
 * A slot missed by more than this is not signed late: a head's timestamp is its slot, and a head signed days
 * later would date leaves appended since then to the slot (docs/ledger.md).
 */
export const SIGN_CATCH_UP_MS = 60 * 60_000;

/**
 * A signed head of every register daily at 18:05 national time, after the 18:00 bulletin publication (R-SYS-08,
 * docs/ledger.md). The slot is the head's timestamp, so a retried slot signs nothing twice.
 */
export function signTreeHeadsJob(deps: LedgerDeps): JobDefinition {
  return {
    name: 'ledgerSignHeads',
    schedule: dailyAt(timeOfDay('18:05')),
    catchUpWindowMs: SIGN_CATCH_UP_MS,
    handler: async (scheduledFor) =>
      (await signTreeHeads(deps, scheduledFor)).map(({ log, head }) => ({ log, treeSize: head.treeSize })),
  };
}
