import type {
  BulletinPage,
  ConsistencyProof,
  BulletinView,
  Fairness,
  LatestHead,
  LeavesPage,
  LedgerKey,
  LedgerLog,
  PublicQueuePage,
} from '@kezek/contracts';
import { getJson } from './client';

/** The public registers: bulletins, the queue, the fairness figures and the transparency logs (anonymous reads). */

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export type BulletinListParams = {
  page: number;
  pageSize: number;
  settlement?: string | undefined;
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export const fetchBulletins = (query: BulletinListParams, signal?: AbortSignal): Promise<BulletinPage> =>
  getJson<BulletinPage>('/api/public/bulletins', { ...query }, withSignal(signal));

export type BulletinItemParams = {
  page: number;
  pageSize: number;
  age?: number | undefined;
  language?: string | undefined;
  mode?: string | undefined;
  admission?: string | undefined;
};

export const fetchBulletin = (
  id: number,
  query: BulletinItemParams,
  signal?: AbortSignal,
): Promise<BulletinView> =>
  getJson<BulletinView>(`/api/public/bulletins/${id}`, { ...query }, withSignal(signal));

export type PublicQueueParams = {
  settlement: string;
  birthYear: number;
  queue: string;
  page: number;
  pageSize: number;
  number?: string | undefined;
};

export const fetchPublicQueue = (query: PublicQueueParams, signal?: AbortSignal): Promise<PublicQueuePage> =>
  getJson<PublicQueuePage>('/api/public/queue', { ...query }, withSignal(signal));

export type FairnessParams = {
  district?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export const fetchFairness = (query: FairnessParams, signal?: AbortSignal): Promise<Fairness> =>
  getJson<Fairness>('/api/public/fairness', { ...query }, withSignal(signal));

export const fetchLedgerKey = (signal?: AbortSignal): Promise<LedgerKey> =>
  getJson<LedgerKey>('/api/ledger/key', undefined, withSignal(signal));

export const fetchLatestHead = (log: LedgerLog, signal?: AbortSignal): Promise<LatestHead> =>
  getJson<LatestHead>(`/api/ledger/${log}/head`, undefined, withSignal(signal));

export const fetchLeaves = (
  log: LedgerLog,
  start: number,
  limit: number,
  signal?: AbortSignal,
): Promise<LeavesPage> =>
  getJson<LeavesPage>(`/api/ledger/${log}/leaves`, { start, limit }, withSignal(signal));

export const fetchConsistency = (
  log: LedgerLog,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<ConsistencyProof> =>
  getJson<ConsistencyProof>(`/api/ledger/${log}/proof/consistency`, { from, to }, withSignal(signal));

/** The receipt as JSON (kept untyped: the verifier checks its shape itself). */
export const fetchReceipt = (log: LedgerLog, leafHash: string, signal?: AbortSignal): Promise<unknown> =>
  getJson<unknown>(`/api/ledger/${log}/receipts/${leafHash}`, undefined, withSignal(signal));
