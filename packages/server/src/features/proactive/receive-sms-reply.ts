import type { IncomingSms, IncomingSmsResult, ProactiveReplyResult } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { normalizeKzMobile } from '../../ports';
import { requireSignedIn } from '../auth/authorize';
import type { ProactiveRepository } from './proactive.repository';
import { replyToOffer, type ReplyDeps } from './reply-to-offer';

/** The words a parent may answer with, in Kazakh, Russian (Cyrillic or Latin keyboards) and English. */
const YES = new Set(['ИӘ', 'ИА', 'IA', 'IYA', 'ДА', 'DA', 'YES', 'Y', '1', '+']);
const NO = new Set(['ЖОҚ', 'ЖОК', 'ZHOK', 'ZHOQ', 'НЕТ', 'NET', 'NO', 'N', '0', '-']);

/** The answer in an SMS reply: its first word, case and punctuation aside; undefined when it is neither. */
export function readSmsAnswer(text: string): 'yes' | 'no' | undefined {
  const word = text
    .trim()
    .split(/\s+/)[0]
    ?.replace(/^[«"'(]+|[»"'.!,)]+$/g, '')
    .toLocaleUpperCase('kk');
  if (word === undefined) return undefined;
  return YES.has(word) ? 'yes' : NO.has(word) ? 'no' : undefined;
}

export type SmsReplyDeps = ReplyDeps & { offers: Pick<ProactiveRepository, 'byId' | 'openToMobile'> };

/**
 * R-ELIG-16 (§7): a reply the SMS gateway received. The offer SMS asks for «ИӘ» / «ДА» in reply, and a reply names
 * no offer: it is matched by the number it came from to the offers sent there and still open — all of them, so
 * one «ИӘ» answers for twins. A number with no open offer, or a text that is neither yes nor no, is refused
 * naming the field.
 */
export async function receiveSmsReply(
  deps: SmsReplyDeps,
  actor: Actor,
  sms: IncomingSms,
  now: Date,
): Promise<IncomingSmsResult> {
  const relayedBy = requireSignedIn(actor);
  if (relayedBy.kind !== 'system' || relayedBy.job !== 'smsGateway')
    throw new AppError('FORBIDDEN', 'Only the SMS gateway relays replies');
  const from = normalizeKzMobile(sms.from);
  if (from === undefined)
    throw new AppError('VALIDATION_FAILED', 'from: not a Kazakhstan mobile number', { field: 'from' });
  const answer = readSmsAnswer(sms.text);
  if (answer === undefined)
    throw new AppError('VALIDATION_FAILED', 'text: the reply is neither «ИӘ» / «ДА» nor «ЖОҚ» / «НЕТ»', {
      field: 'text',
      rule: 'R-ELIG-16',
    });
  const open = await deps.offers.openToMobile(from);
  if (open.length === 0)
    throw new AppError('NOT_FOUND', 'No proactive offer sent to this number is waiting for an answer', {
      field: 'from',
    });
  const offers: ProactiveReplyResult[] = [];
  for (const offer of open) offers.push(await replyToOffer(deps, actor, offer.id, { answer }, now));
  return { answer, offers };
}
