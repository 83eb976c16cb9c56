import { createRoute, type z } from '@hono/zod-openapi';
import {
  ZClaimHeaders,
  ZClaimReferral,
  ZConfirmReferral,
  ZDocumentQuery,
  ZErrorBody,
  ZExtendReferral,
  ZReferral,
  ZReferralId,
  ZReferralList,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import { pdfHeaders, pdfResponses } from '../documents/documents.routes';
import { cancelReferral } from './cancel-referral';
import { claimReferral, type ClaimDeps } from './claim-referral';
import { confirmReferral } from './confirm-referral';
import { extendReferral } from './extend-referral';
import { getReferral } from './get-referral';
import { getReferralPdf, type ReferralPdfDeps } from './get-referral-pdf';
import { listMyReferrals } from './list-my-referrals';
import { listReferralsAwaitingOriginals } from './list-referrals-awaiting-originals';
import type { ReferralsRepository } from './referrals.repository';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not allowed', ...json(ZErrorBody) },
  404: { description: 'No such referral, place or application (or not yours)', ...json(ZErrorBody) },
  409: {
    description: 'Not possible in the current status, or the place has no free unit left',
    ...json(ZErrorBody),
  },
  422: { description: 'Refused by a rule (names the rule ID)', ...json(ZErrorBody) },
};
const ok = (schema: z.ZodType, description: string) => ({ 200: { description, ...json(schema) }, ...errors });

const routes = {
  claim: createRoute({
    method: 'post',
    path: '/api/referrals',
    tags: ['referrals'],
    summary: 'Claim a place of the bulletin: an electronic referral per child (R-WIN-04..10, R-REF-04)',
    request: { headers: ZClaimHeaders, body: { ...json(ZClaimReferral), required: true } },
    responses: {
      201: { description: 'The referrals issued', ...json(ZReferralList) },
      200: { description: 'A retry with the same Idempotency-Key: the first result', ...json(ZReferralList) },
      ...errors,
    },
  }),
  awaitingOriginals: createRoute({
    method: 'get',
    path: '/api/clerk/referrals',
    tags: ['referrals'],
    summary:
      "The referrals of the clerk's district waiting for the originals, nearest deadline first (R-REF-07, R-REF-08)",
    responses: ok(ZReferralList, 'The referrals to check'),
  }),
  mine: createRoute({
    method: 'get',
    path: '/api/me/referrals',
    tags: ['referrals'],
    summary: "The signed-in applicant's referrals, newest first",
    responses: ok(ZReferralList, 'The referrals'),
  }),
  get: createRoute({
    method: 'get',
    path: '/api/referrals/{id}',
    tags: ['referrals'],
    summary: 'One referral',
    request: { params: ZReferralId },
    responses: ok(ZReferral, 'The referral'),
  }),
  pdf: createRoute({
    method: 'get',
    path: '/api/referrals/{id}/document.pdf',
    tags: ['referrals', 'documents'],
    summary: 'The referral (жолдама) as a PDF in kk, ru or en, with a QR code',
    request: { params: ZReferralId, query: ZDocumentQuery },
    responses: pdfResponses('The referral'),
  }),
  extend: createRoute({
    method: 'post',
    path: '/api/referrals/{id}/extension',
    tags: ['referrals'],
    summary: 'Extend the running referral once, by at most 30 calendar days, with a reason (R-REF-10)',
    request: { params: ZReferralId, body: { ...json(ZExtendReferral), required: true } },
    responses: ok(ZReferral, 'The referral after the change'),
  }),
  cancel: createRoute({
    method: 'post',
    path: '/api/referrals/{id}/cancellation',
    tags: ['referrals'],
    summary: 'Cancel the referral within a day of its issue (R-REF-09)',
    request: { params: ZReferralId },
    responses: ok(ZReferral, 'The referral after the change'),
  }),
  confirm: createRoute({
    method: 'post',
    path: '/api/referrals/{id}/confirmation',
    tags: ['referrals'],
    summary:
      "The provider's check of the originals shown after the referral (R-REF-07, R-REF-08): the district's clerks",
    request: { params: ZReferralId, body: { ...json(ZConfirmReferral), required: true } },
    responses: ok(ZReferral, 'The referral after the check'),
  }),
};

export type ReferralsRouteDeps = ClaimDeps &
  ReferralPdfDeps & { referrals: ReferralsRepository; clock: Clock };

export function referralsRoutes(deps: ReferralsRouteDeps) {
  return createRouter()
    .openapi(routes.claim, async (c) => {
      const result = await claimReferral(
        deps,
        actorOf(c),
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
        deps.clock.now(),
      );
      return c.json({ items: result.referrals }, result.created ? 201 : 200);
    })
    .openapi(routes.mine, async (c) => c.json(await listMyReferrals(deps, actorOf(c)), 200))
    .openapi(routes.awaitingOriginals, async (c) =>
      c.json(await listReferralsAwaitingOriginals(deps, actorOf(c)), 200),
    )
    .openapi(routes.get, async (c) =>
      c.json(await getReferral(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.pdf, async (c) => {
      const { fileName, pdf } = await getReferralPdf(
        deps,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('query').lang,
      );
      return c.body(pdf, 200, pdfHeaders(fileName));
    })
    .openapi(routes.extend, async (c) =>
      c.json(
        await extendReferral(
          deps,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          deps.clock.now(),
        ),
        200,
      ),
    )
    .openapi(routes.cancel, async (c) =>
      c.json(await cancelReferral(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()), 200),
    )
    .openapi(routes.confirm, async (c) =>
      c.json(
        await confirmReferral(
          deps,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          deps.clock.now(),
        ),
        200,
      ),
    );
}
