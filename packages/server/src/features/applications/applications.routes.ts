import { createRoute, z } from '@hono/zod-openapi';
import {
  ZApplication,
  ZApplicationId,
  ZApplicationListQuery,
  ZApplicationPage,
  ZApplicationReceipt,
  ZChangeCategories,
  ZChildrenList,
  ZErrorBody,
  ZModifyApplication,
  ZPosition,
  ZPositionHistory,
  ZPublicQueuePage,
  ZPublicQueueQuery,
  ZRefusalReceipt,
  ZStopList,
  ZSubmitApplication,
  ZVerifyApplication,
  ZVersionOnly,
} from '@kezek/contracts';
import type { Context } from 'hono';
import type { ApplicationView, LedgerReceipt } from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import type { Env } from '../../http/env';
import { createRouter, json } from '../../http/openapi-app';
import type { Actor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { ChangeDeps } from './application-change';
import type { ApplicationsRepository } from './applications.repository';
import { changeCategories } from './change-categories';
import { confirmInterest } from './confirm-interest';
import { getApplication } from './get-application';
import { getPosition } from './get-position';
import { getPositionHistory } from './get-position-history';
import { getPublicQueue } from './get-public-queue';
import { getRefusalReceipt } from './get-refusal-receipt';
import type { QueueCache } from './queue-cache';
import { listApplications } from './list-applications';
import { listMyChildren } from './list-my-children';
import { modifyApplication } from './modify-application';
import { setStopList } from './set-stop-list';
import { submitApplication, type SubmitDeps } from './submit-application';
import { verifyApplication } from './verify-application';
import { withdrawApplication } from './withdraw-application';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not allowed', ...json(ZErrorBody) },
  404: { description: 'No such application (or not yours)', ...json(ZErrorBody) },
  409: { description: 'Not possible in the current status', ...json(ZErrorBody) },
  412: { description: 'Stale version', ...json(ZErrorBody) },
  422: { description: 'Refused by a rule (names the rule ID)', ...json(ZErrorBody) },
};
const ok = (schema: z.ZodType, description: string) => ({ 200: { description, ...json(schema) }, ...errors });

const action = <B extends z.ZodType>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path: `/api/applications/{id}/${path}`,
    tags: ['applications'],
    summary,
    request: { params: ZApplicationId, body: { ...json(body), required: true } },
    responses: ok(ZApplication, 'The application after the change'),
  });

const routes = {
  submit: createRoute({
    method: 'post',
    path: '/api/applications',
    tags: ['applications'],
    summary:
      'Submit an application (service S1): the portal for applicants, the office or State Corporation for clerks',
    request: {
      headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
      body: { ...json(ZSubmitApplication), required: true },
    },
    responses: {
      201: { description: 'Registered; the receipt', ...json(ZApplicationReceipt) },
      200: {
        description: 'A retry with the same Idempotency-Key: the first receipt',
        ...json(ZApplicationReceipt),
      },
      ...errors,
      503: { description: 'A state information system is unavailable; retry', ...json(ZErrorBody) },
    },
  }),
  publicQueue: createRoute({
    method: 'get',
    path: '/api/public/queue',
    tags: ['public'],
    summary: 'One queue as the public sees it (R-SYS-09): positions, numbers, groups, submission times',
    request: { query: ZPublicQueueQuery },
    responses: {
      200: { description: 'One page, in the order of the rules', ...json(ZPublicQueuePage) },
      400: errors[400],
      404: { description: 'No such settlement, or the number is not queued here', ...json(ZErrorBody) },
    },
  }),
  myChildren: createRoute({
    method: 'get',
    path: '/api/me/children',
    tags: ['applications'],
    summary: 'The children the individuals database records for the signed-in applicant (R-ELIG-11)',
    responses: {
      200: { description: 'The children', ...json(ZChildrenList) },
      401: errors[401],
      403: errors[403],
      503: { description: 'The individuals database is unavailable; retry', ...json(ZErrorBody) },
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/applications',
    tags: ['applications'],
    summary: "Work list (clerks: their district, by deadline) or the applicant's own applications",
    request: { query: ZApplicationListQuery },
    responses: ok(ZApplicationPage, 'One page'),
  }),
  get: createRoute({
    method: 'get',
    path: '/api/applications/{id}',
    tags: ['applications'],
    summary: 'One application',
    request: { params: ZApplicationId },
    responses: ok(ZApplication, 'The application'),
  }),
  position: createRoute({
    method: 'get',
    path: '/api/applications/{id}/position',
    tags: ['applications'],
    summary: 'Position in the queue and how many are ahead in each group',
    request: { params: ZApplicationId },
    responses: ok(ZPosition, 'The position'),
  }),
  refusalReceipt: createRoute({
    method: 'get',
    path: '/api/applications/{id}/refusal-receipt',
    tags: ['applications'],
    summary: 'The receipt of a refusal to accept documents (Annex 3) of a rejected application',
    request: { params: ZApplicationId },
    responses: ok(ZRefusalReceipt, 'The receipt'),
  }),
  history: createRoute({
    method: 'get',
    path: '/api/applications/{id}/position/history',
    tags: ['applications'],
    summary: 'Why the position changed: per day, the reasons with the rule IDs',
    request: { params: ZApplicationId },
    responses: ok(ZPositionHistory, 'The explained history, newest first'),
  }),
  modify: createRoute({
    method: 'patch',
    path: '/api/applications/{id}',
    tags: ['applications'],
    summary: 'Change contact data or language (R-APPL-02)',
    request: { params: ZApplicationId, body: { ...json(ZModifyApplication), required: true } },
    responses: ok(ZApplication, 'The application after the change'),
  }),
  verify: action(
    'verification',
    'Record the document check: confirm (with categories) or reject',
    ZVerifyApplication,
  ),
  categories: action('categories', 'Change beneficiary categories (R-ORDER-07)', ZChangeCategories),
  withdraw: action('withdrawal', 'Withdraw the application (R-APPL-03)', ZVersionOnly),
  stopList: action('stop-list', 'Put on or take off the stop list (R-SYS-12)', ZStopList),
  interest: action(
    'interest-confirmation',
    'Confirm interest for another year (R-APPL-08)',
    z.object({}).openapi('Empty'),
  ),
};

export type ApplicationsRouteDeps = SubmitDeps &
  ChangeDeps & {
    applications: ApplicationsRepository;
    queues: QueueCache;
    clock: Clock;
    /** The register receipt of an application's latest leaf (features/ledger, R-SYS-08). */
    ledgerReceipt: (applicationId: string) => Promise<LedgerReceipt | undefined>;
  };

/** Every change of one application has the same shape: the actor, the ID, the validated body, the time. */
type ChangeUseCase<I> = (
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: I,
  now: Date,
) => Promise<ApplicationView>;

export function applicationsRoutes(deps: ApplicationsRouteDeps) {
  const change =
    <I>(useCase: ChangeUseCase<I>) =>
    async (c: Context<Env, string, { out: { param: { id: string }; json: I } }>) =>
      c.json(
        await useCase(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json'), deps.clock.now()),
        200,
      );
  return createRouter()
    .openapi(routes.submit, async (c) => {
      const idempotencyKey = c.req.valid('header')['idempotency-key'];
      const result = await submitApplication(
        deps,
        actorOf(c),
        c.req.valid('json'),
        deps.clock.now(),
        idempotencyKey,
      );
      const ledger = await deps.ledgerReceipt(result.receipt.id);
      return c.json(
        { ...result.receipt, ...(ledger === undefined ? {} : { ledger }) },
        result.created ? 201 : 200,
      );
    })
    .openapi(routes.publicQueue, async (c) =>
      c.json(await getPublicQueue(deps, c.req.valid('query'), deps.clock.now()), 200),
    )
    .openapi(routes.myChildren, async (c) => c.json(await listMyChildren(deps, actorOf(c)), 200))
    .openapi(routes.list, async (c) =>
      c.json(await listApplications(deps, actorOf(c), c.req.valid('query'), deps.clock.now()), 200),
    )
    .openapi(routes.get, async (c) =>
      c.json(await getApplication(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.position, async (c) =>
      c.json(await getPosition(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.refusalReceipt, async (c) =>
      c.json(await getRefusalReceipt(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.history, async (c) =>
      c.json(await getPositionHistory(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(routes.modify, change(modifyApplication))
    .openapi(routes.verify, change(verifyApplication))
    .openapi(routes.categories, change(changeCategories))
    .openapi(routes.withdraw, change(withdrawApplication))
    .openapi(routes.stopList, change(setStopList))
    .openapi(routes.interest, change(confirmInterest));
}
