import { timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  SMS_GATEWAY_SECRET_HEADER,
  ZErrorBody,
  ZIncomingSms,
  ZIncomingSmsResult,
  ZProactiveOfferId,
  ZProactiveOfferList,
  ZProactiveReply,
  ZProactiveReplyResult,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { listOffers } from './list-offers';
import type { ProactiveRepository } from './proactive.repository';
import { receiveSmsReply } from './receive-sms-reply';
import { replyToOffer, SMS_GATEWAY_ACTOR, type ReplyDeps } from './reply-to-offer';

const error = (description: string) => ({ description, ...json(ZErrorBody) });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/proactive/offers',
    tags: ['proactive'],
    summary: "The signed-in parent's proactive offers (R-ELIG-16)",
    responses: {
      200: { description: 'Newest first', ...json(ZProactiveOfferList) },
      401: error('Not signed in'),
      403: error('Not an applicant'),
    },
  }),
  smsReply: createRoute({
    method: 'post',
    path: '/api/sms/replies',
    tags: ['proactive'],
    summary: "The SMS gateway relays a parent's reply to a proactive offer (R-ELIG-16)",
    description:
      `Authenticated by the shared secret in the \`${SMS_GATEWAY_SECRET_HEADER}\` header (KEZEK_SMS_REPLY_SECRET). ` +
      "The reply is matched by the sender's number to the offers sent there and still open; «ИӘ» / «ДА» consents " +
      '(an application is registered for each), «ЖОҚ» / «НЕТ» declines.',
    request: {
      headers: z.object({ [SMS_GATEWAY_SECRET_HEADER.toLowerCase()]: z.string().optional() }),
      body: { ...json(ZIncomingSms), required: true },
    },
    responses: {
      200: { description: 'The answer read and the offers after it', ...json(ZIncomingSmsResult) },
      400: error('Not a mobile number, or a text that is neither yes nor no (names the field)'),
      401: error('Not signed in, or a wrong gateway secret'),
      403: error('Not the SMS gateway'),
      404: error('No open offer was sent to this number'),
      422: error('Past the reply deadline (R-ELIG-16), or the application refused by a rule (names it)'),
      503: error('A state information system is unavailable; retry'),
    },
  }),
  reply: createRoute({
    method: 'post',
    path: '/api/proactive/offers/{id}/reply',
    tags: ['proactive'],
    summary:
      "Answer a proactive offer (R-ELIG-16): the parent signed in, or the SMS gateway relaying the parent's reply",
    description:
      `The SMS gateway authenticates with the shared secret in the \`${SMS_GATEWAY_SECRET_HEADER}\` header ` +
      '(KEZEK_SMS_REPLY_SECRET); without the header the session decides. `yes` registers an application in the ' +
      'general queue of the settlement where the parent is registered (channel `proactive`, R-ELIG-17 Chosen).',
    request: {
      params: ZProactiveOfferId,
      headers: z.object({ [SMS_GATEWAY_SECRET_HEADER.toLowerCase()]: z.string().optional() }),
      body: { ...json(ZProactiveReply), required: true },
    },
    responses: {
      200: { description: 'The offer after the answer; the receipt for yes', ...json(ZProactiveReplyResult) },
      400: error('Invalid input (names the field)'),
      401: error('Not signed in, or a wrong gateway secret'),
      403: error('Not the parent or the gateway'),
      404: error('No such offer (or not yours)'),
      409: error('Already answered or expired (R-ELIG-16)'),
      422: error('Past the reply deadline (R-ELIG-16), or the application refused by a rule (names it)'),
      503: error('A state information system is unavailable; retry'),
    },
  }),
};

export type ProactiveRouteDeps = ReplyDeps & {
  offers: Pick<ProactiveRepository, 'byId' | 'ofParent' | 'openToMobile'>;
  clock: Clock;
  /** The SMS gateway's shared secret; unset = the gateway callback is refused. */
  smsReplySecret: string | undefined;
};

const sameSecret = (presented: string, expected: string): boolean => {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The gateway's header makes the request the gateway's (or refuses it); otherwise the session's actor acts. */
function replyActor(session: Actor, presented: string | undefined, expected: string | undefined): Actor {
  if (presented === undefined) return session;
  if (expected === undefined || !sameSecret(presented, expected))
    throw new AppError('UNAUTHENTICATED', 'Wrong SMS gateway secret', {
      field: SMS_GATEWAY_SECRET_HEADER.toLowerCase(),
    });
  return SMS_GATEWAY_ACTOR;
}

export function proactiveRoutes(deps: ProactiveRouteDeps) {
  return createRouter()
    .openapi(routes.list, async (c) => c.json(await listOffers(deps, actorOf(c)), 200))
    .openapi(routes.smsReply, async (c) => {
      const secret = c.req.valid('header')[SMS_GATEWAY_SECRET_HEADER.toLowerCase()];
      const actor = replyActor(actorOf(c), secret, deps.smsReplySecret);
      return c.json(await receiveSmsReply(deps, actor, c.req.valid('json'), deps.clock.now()), 200);
    })
    .openapi(routes.reply, async (c) => {
      const actor = replyActor(
        actorOf(c),
        c.req.valid('header')[SMS_GATEWAY_SECRET_HEADER.toLowerCase()],
        deps.smsReplySecret,
      );
      const result = await replyToOffer(
        deps,
        actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock.now(),
      );
      return c.json(result, 200);
    });
}
