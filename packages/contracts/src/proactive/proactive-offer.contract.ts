import { z } from '@hono/zod-openapi';
import { ZKato } from '../common';
import { ZApplicationReceipt } from '../applications/submit-application.contract';

export const PROACTIVE_OFFER_STATUSES = [
  'offered',
  'accepted',
  'declined',
  'expired',
  'refused',
  'notOffered',
] as const;

/** The header the SMS gateway's reply callback carries (its shared secret, KEZEK_SMS_REPLY_SECRET). */
export const SMS_GATEWAY_SECRET_HEADER = 'X-Sms-Gateway-Secret';

export const ZProactiveOfferId = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f2b9c1e-5d4a-4e8f-9b7c-2a1d0e6f4c3b' }),
});

/** The parent's answer to a proactive offer (R-ELIG-16): the SMS reply «ИӘ» / «ДА» is `yes`. */
export const ZProactiveReply = z
  .object({
    answer: z.enum(['yes', 'no']).openapi({ description: 'yes = consent to registration in the queue' }),
  })
  .openapi('ProactiveReply');
export type ProactiveReply = z.infer<typeof ZProactiveReply>;

/** A proactive offer as its parent sees it. */
export const ZProactiveOffer = z
  .object({
    id: z.uuid(),
    status: z.enum(PROACTIVE_OFFER_STATUSES),
    birthDate: z.iso.date(),
    settlement: ZKato,
    offeredAt: z.string(),
    replyBy: z.string().nullable().openapi({ description: 'National time; no answer by then = no consent' }),
    answeredAt: z.string().nullable(),
    applicationId: z.uuid().nullable().openapi({ description: 'The application consent registered' }),
  })
  .openapi('ProactiveOffer');
export type ProactiveOfferView = z.infer<typeof ZProactiveOffer>;

/** The answer to a reply: the offer after it and, for `yes`, the receipt of the registered application. */
export const ZProactiveReplyResult = z
  .object({ offer: ZProactiveOffer, application: ZApplicationReceipt.nullable() })
  .openapi('ProactiveReplyResult');
export type ProactiveReplyResult = z.infer<typeof ZProactiveReplyResult>;

export const ZProactiveOfferList = z
  .object({ items: z.array(ZProactiveOffer) })
  .openapi('ProactiveOfferList');
export type ProactiveOfferList = z.infer<typeof ZProactiveOfferList>;

/** A text message the SMS gateway received, relayed to Kezek (R-ELIG-16: the parent's reply to an offer). */
export const ZIncomingSms = z
  .object({
    from: z.string().min(1).max(30).openapi({ example: '+77012345678', description: "The sender's number" }),
    text: z.string().max(1000).openapi({ example: 'ИӘ' }),
  })
  .openapi('IncomingSms');
export type IncomingSms = z.infer<typeof ZIncomingSms>;

/** What a relayed reply did: the answer read from the text and each open offer to that number after it. */
export const ZIncomingSmsResult = z
  .object({ answer: z.enum(['yes', 'no']), offers: z.array(ZProactiveReplyResult) })
  .openapi('IncomingSmsResult');
export type IncomingSmsResult = z.infer<typeof ZIncomingSmsResult>;
