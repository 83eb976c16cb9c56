import { ZConsistencyProof, ZLatestHead, ZLedgerKey, ZLedgerReceipt } from '@kezek/contracts';
import { verifyConsistency } from '@kezek/domain';
import type { z } from 'zod';
import { sha256 } from '../../platform/sha256';
import { claimOfReceipt, type ReceiptClaim } from './receipt-qr';
import { headSignatureProblem, verifyReceiptOffline, type Verdict } from './verify-receipt';

export type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>;

const bytes = (hex: string): Uint8Array => Buffer.from(hex, 'hex');

async function getJson<T extends z.ZodType>(fetchFn: Fetch, url: string, schema: T): Promise<z.infer<T>> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`GET ${url}: not the expected answer`);
  return parsed.data;
}

/**
 * `kezek verify --online URL`: the receipt's key is the log's published key; a receipt still waiting for its
 * head is completed from the log; the offline checks pass; and the log's latest signed head is an append-only
 * extension of the receipt's head (RFC 9162 §2.1.4.2) — the log has not been rewritten since the receipt.
 */
export async function verifyReceiptOnline(
  claim: ReceiptClaim,
  baseUrl: string,
  fetchFn: Fetch,
  pinnedKeyHex?: string,
): Promise<Verdict> {
  const base = baseUrl.replace(/\/+$/, '');
  const key = await getJson(fetchFn, `${base}/api/ledger/key`, ZLedgerKey);
  if (key.publicKey !== claim.publicKey)
    return { ok: false, message: `the receipt's key is not the key ${base} publishes (${key.keyId})` };
  const completed =
    claim.head === null
      ? claimOfReceipt(
          await getJson(
            fetchFn,
            `${base}/api/ledger/${claim.log}/receipts/${claim.leafHash}`,
            ZLedgerReceipt,
          ),
        )
      : claim;
  const offline = verifyReceiptOffline({ ...completed, leaf: claim.leaf ?? completed.leaf }, pinnedKeyHex);
  if (!offline.ok || completed.head === null) return offline;
  const mine = completed.head;
  const latest = (await getJson(fetchFn, `${base}/api/ledger/${claim.log}/head`, ZLatestHead)).head;
  const latestProblem = headSignatureProblem(latest, claim.log, key.publicKey);
  if (latestProblem !== undefined) return { ok: false, message: `latest head of ${base}: ${latestProblem}` };
  if (latest.treeSize < mine.treeSize)
    return {
      ok: false,
      message: `the log shrank: the latest head has ${latest.treeSize} leaves, the receipt's ${mine.treeSize}`,
    };
  const consistency = await getJson(
    fetchFn,
    `${base}/api/ledger/${claim.log}/proof/consistency?from=${mine.treeSize}&to=${latest.treeSize}`,
    ZConsistencyProof,
  );
  const consistent = verifyConsistency(
    sha256,
    mine.treeSize,
    latest.treeSize,
    bytes(mine.rootHash),
    bytes(latest.rootHash),
    consistency.proof.map(bytes),
  );
  if (!consistent.ok)
    return {
      ok: false,
      message: `the latest head does not extend the receipt's head (${consistent.error}): the log was rewritten`,
    };
  return {
    ok: true,
    message: `${offline.message}; consistent with the latest head of ${base} (${latest.treeSize} leaves)`,
  };
}
