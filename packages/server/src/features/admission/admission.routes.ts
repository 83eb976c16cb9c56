import { createRoute, type z } from '@hono/zod-openapi';
import {
  ZAdmissionCase,
  ZAdmitReferral,
  ZRequestAdmission,
  ZErrorBody,
  ZReferral,
  ZReferralId,
  ZReferralList,
  ZRefuseAdmission,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import type { ReferralChangeDeps } from '../referrals/referral-change';
import type { ReferralsRepository } from '../referrals/referrals.repository';
import type { Rules } from '../../platform/rules';
import { signerOf, type SignaturePort } from '../../ports/signature-port';
import { admitReferral } from './admit-referral';
import { getAdmissionCase } from './get-admission-case';
import { requestAdmission } from './request-admission';
import { listReferredChildren } from './list-referred-children';
import { refuseAdmission } from './refuse-admission';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not allowed', ...json(ZErrorBody) },
  404: { description: 'No such referral (or not of this kindergarten)', ...json(ZErrorBody) },
  409: { description: 'The referral is not running', ...json(ZErrorBody) },
  422: { description: 'Refused by a rule (names the rule ID)', ...json(ZErrorBody) },
};
const ok = (schema: z.ZodType, description: string) => ({ 200: { description, ...json(schema) }, ...errors });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/kindergarten/referrals',
    tags: ['admission'],
    summary: 'The children referred to the signed-in staff member’s kindergarten (R-KG-07)',
    responses: ok(ZReferralList, 'The live referrals the provider has confirmed'),
  }),
  admit: createRoute({
    method: 'post',
    path: '/api/referrals/{id}/admission',
    tags: ['admission'],
    summary: 'Admit the child on a contract after the document check (R-ADM-02, -05, -09)',
    request: { params: ZReferralId, body: { ...json(ZAdmitReferral), required: true } },
    responses: ok(ZReferral, 'The referral, admitted'),
  }),
  request: createRoute({
    method: 'post',
    path: '/api/referrals/{id}/admission-request',
    tags: ['admission'],
    summary:
      'The parent sends the e-copies of the admission documents on the portal (R-ADM-01, R-ADM-03): checked within 30 minutes of working time',
    request: { params: ZReferralId, body: { ...json(ZRequestAdmission), required: true } },
    responses: {
      201: { description: 'The admission case with the registered request', ...json(ZAdmissionCase) },
      ...errors,
    },
  }),
  case: createRoute({
    method: 'get',
    path: '/api/referrals/{id}/admission',
    tags: ['admission'],
    summary:
      "A referral's admission case: the portal request (what it lacks, when it is due) and the signed decision",
    request: { params: ZReferralId },
    responses: ok(ZAdmissionCase, 'The admission case'),
  }),
  refuse: createRoute({
    method: 'post',
    path: '/api/referrals/{id}/admission-refusal',
    tags: ['admission'],
    summary: 'Refuse admission for a legal reason (§34, R-ADM-04, -06, -10)',
    request: { params: ZReferralId, body: { ...json(ZRefuseAdmission), required: true } },
    responses: ok(ZReferral, 'The referral, refused'),
  }),
};

export type AdmissionRouteDeps = ReferralChangeDeps & {
  referrals: ReferralsRepository;
  signature: SignaturePort;
  rules: Rules;
  clock: Clock;
};

/** Service 2: the kindergarten's side of a referral. */
export function admissionRoutes(routeDeps: AdmissionRouteDeps) {
  const deps = { ...routeDeps, signer: signerOf(routeDeps.signature) };
  return createRouter()
    .openapi(routes.list, async (c) => c.json(await listReferredChildren(deps, actorOf(c)), 200))
    .openapi(routes.admit, async (c) =>
      c.json(
        await admitReferral(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json'), deps.clock.now()),
        200,
      ),
    )
    .openapi(routes.request, async (c) =>
      c.json(
        await requestAdmission(
          deps,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          deps.clock.now(),
        ),
        201,
      ),
    )
    .openapi(routes.case, async (c) =>
      c.json(await getAdmissionCase(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.refuse, async (c) =>
      c.json(
        await refuseAdmission(
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
