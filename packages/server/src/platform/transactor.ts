import type { Db } from '@kezek/db';

/**
 * One use case = one transaction (DESIGN.md): the use case receives repositories bound to a transaction,
 * so its state change, audit row, queue events and outbox rows commit together or not at all.
 */
export type Transactor<R> = <T>(work: (repos: R) => Promise<T>) => Promise<T>;

export function transactor<R>(db: Db, bind: (trx: Db) => R): Transactor<R> {
  return (work) => db.transaction().execute((trx) => work(bind(trx)));
}
