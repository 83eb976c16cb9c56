import type { LatestHead, LedgerLog } from '@kezek/contracts';
import { AppError } from '../../platform/app-error';
import { headJson } from './head-json';
import type { LedgerRepository } from './ledger.repository';

export async function getLatestHead(repo: LedgerRepository, log: LedgerLog): Promise<LatestHead> {
  const head = await repo.latestHead(log);
  if (head === undefined)
    throw new AppError('NOT_FOUND', 'No tree head of this log has been signed yet', { field: 'log' });
  return { log, head: headJson(head) };
}
