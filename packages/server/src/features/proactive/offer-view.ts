import type { ProactiveOfferView } from '@kezek/contracts';
import type { OfferRecord } from './proactive.repository';

export const toOfferView = (offer: OfferRecord, format: (at: Date) => string): ProactiveOfferView => ({
  id: offer.id,
  status: offer.status,
  birthDate: offer.birth_date,
  settlement: offer.settlement_kato,
  offeredAt: format(offer.created_at),
  replyBy: offer.reply_by === null ? null : format(offer.reply_by),
  answeredAt: offer.answered_at === null ? null : format(offer.answered_at),
  applicationId: offer.application_id,
});
