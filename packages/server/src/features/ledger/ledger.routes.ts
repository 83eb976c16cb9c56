import { createRoute, z } from '@hono/zod-openapi';
import {
  ZConsistencyProof,
  ZConsistencyQuery,
  ZErrorBody,
  ZInclusionProof,
  ZInclusionQuery,
  ZLatestHead,
  ZLeavesPage,
  ZLeavesQuery,
  ZLedgerKey,
  ZLedgerLogParam,
  ZLedgerReceipt,
  ZReceiptParam,
  ZSignedHeads,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import { getConsistencyProof } from './get-consistency-proof';
import { getInclusionProof } from './get-inclusion-proof';
import { getLatestHead } from './get-latest-head';
import { getLedgerKey } from './get-ledger-key';
import { getLedgerReceipt } from './get-ledger-receipt';
import { getReceiptQr } from './get-receipt-qr';
import type { LedgerDeps } from './ledger-deps';
import { listLeaves } from './list-leaves';
import { signHeadsNow } from './sign-heads-now';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  404: { description: 'No such leaf, or no signed head yet', ...json(ZErrorBody) },
  409: { description: 'Not sequenced or not signed yet', ...json(ZErrorBody) },
};
const ok = (schema: z.ZodType, description: string) => ({ 200: { description, ...json(schema) }, ...errors });
const get = { method: 'get' as const, tags: ['ledger'] };

const key = createRoute({
  ...get,
  path: '/api/ledger/key',
  summary: 'The public key of the signed tree heads',
  responses: ok(ZLedgerKey, 'The key'),
});
const head = createRoute({
  ...get,
  path: '/api/ledger/{log}/head',
  summary: 'The latest signed tree head of a register',
  request: { params: ZLedgerLogParam },
  responses: ok(ZLatestHead, 'The head'),
});
const inclusion = createRoute({
  ...get,
  path: '/api/ledger/{log}/proof/inclusion',
  summary: 'Inclusion proof of a leaf (by hash or index)',
  request: { params: ZLedgerLogParam, query: ZInclusionQuery },
  responses: ok(ZInclusionProof, 'The audit path'),
});
const consistency = createRoute({
  ...get,
  path: '/api/ledger/{log}/proof/consistency',
  summary: 'Consistency proof between two tree sizes',
  request: { params: ZLedgerLogParam, query: ZConsistencyQuery },
  responses: ok(ZConsistencyProof, 'The proof'),
});
const leaves = createRoute({
  ...get,
  path: '/api/ledger/{log}/leaves',
  summary: 'A range of sequenced leaves (at most 1000)',
  request: { params: ZLedgerLogParam, query: ZLeavesQuery },
  responses: ok(ZLeavesPage, 'One page'),
});
const receipt = createRoute({
  ...get,
  path: '/api/ledger/{log}/receipts/{leafHash}',
  summary: 'The verifiable receipt of a leaf (kezek verify)',
  request: { params: ZReceiptParam },
  responses: ok(ZLedgerReceipt, 'The receipt'),
});
const receiptQr = createRoute({
  ...get,
  path: '/api/ledger/{log}/receipts/{leafHash}/qr',
  summary: "The receipt's QR code (SVG) for documents and screens",
  request: { params: ZReceiptParam },
  responses: {
    200: { description: 'SVG image', content: { 'image/svg+xml': { schema: z.string() } } },
    ...errors,
  },
});
const sign = createRoute({
  method: 'post',
  path: '/api/ledger/heads',
  tags: ['ledger'],
  summary: 'Sign a tree head of every register now (operator, regional administrator)',
  responses: {
    200: { description: 'The heads signed', ...json(ZSignedHeads) },
    401: { description: 'Not signed in', ...json(ZErrorBody) },
    403: { description: 'Not allowed', ...json(ZErrorBody) },
  },
});

/** The registers' public transparency API (issue 7): anonymous reads; signing on demand for the operator. */
export function ledgerRoutes(deps: LedgerDeps & { clock: Clock }) {
  return createRouter()
    .openapi(key, async (c) => c.json(await getLedgerKey(deps.signer), 200))
    .openapi(head, async (c) => c.json(await getLatestHead(deps.repo, c.req.valid('param').log), 200))
    .openapi(inclusion, async (c) =>
      c.json(await getInclusionProof(deps, c.req.valid('param').log, c.req.valid('query')), 200),
    )
    .openapi(consistency, async (c) =>
      c.json(await getConsistencyProof(deps, c.req.valid('param').log, c.req.valid('query')), 200),
    )
    .openapi(leaves, async (c) =>
      c.json(await listLeaves(deps.repo, c.req.valid('param').log, c.req.valid('query')), 200),
    )
    .openapi(receipt, async (c) => {
      const { log, leafHash } = c.req.valid('param');
      return c.json(await getLedgerReceipt(deps, log, leafHash), 200);
    })
    .openapi(receiptQr, async (c) => {
      const { log, leafHash } = c.req.valid('param');
      return c.body(await getReceiptQr(deps, log, leafHash), 200, { 'content-type': 'image/svg+xml' });
    })
    .openapi(sign, async (c) => c.json(await signHeadsNow(deps, actorOf(c), deps.clock.now()), 200));
}
