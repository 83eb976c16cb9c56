import type { KeyObject } from 'node:crypto';
import type { Db } from '@kezek/db';
import type { Logger } from '../../platform/logger';
import { transactor, type Transactor } from '../../platform/transactor';
import { ledgerRepository, type LedgerRepository } from './ledger.repository';
import { ledgerSigner, type LedgerSigner } from './ledger-signer';
import { createLedgerTrees, type LedgerTrees } from './ledger-trees';

/** What the ledger's use cases share: the repository, its transactor, the in-memory trees and the signing key. */
export type LedgerDeps = {
  repo: LedgerRepository;
  transaction: Transactor<LedgerRepository>;
  trees: LedgerTrees;
  signer: LedgerSigner;
};

/** The ledger over one database; `key` is KEZEK_LEDGER_KEY (unset: generated and kept in the database). */
export function createLedgerDeps(deps: { db: Db; key: KeyObject | undefined; log: Logger }): LedgerDeps {
  const repo = ledgerRepository(deps.db);
  return {
    repo,
    transaction: transactor(deps.db, ledgerRepository),
    trees: createLedgerTrees(),
    signer: ledgerSigner({ repo, configured: deps.key, log: deps.log }),
  };
}
