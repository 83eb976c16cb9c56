import type { Language } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { renderPdf } from '../documents/pdf-renderer';
import { referralDocument } from '../documents/referral-document';
import { getReferral } from './get-referral';
import type { ReferralsRepository } from './referrals.repository';

/** The referral (жолдама) as a PDF in kk, ru or en, with the same access as the referral itself. */
export async function getReferralPdf(
  deps: { referrals: Pick<ReferralsRepository, 'byId'>; format: (at: Date) => string },
  actor: Actor,
  id: string,
  language: Language,
): Promise<{ fileName: string; pdf: Uint8Array<ArrayBuffer> }> {
  const referral = await getReferral(deps, actor, id);
  // The QR names the referral by number and ID; a scan opens it for whoever may see it.
  const qr = `KEZEK:referral:${referral.number}:${referral.id}`;
  return {
    fileName: `referral-${referral.number}-${language}.pdf`,
    pdf: await renderPdf(referralDocument(referral, language, qr)),
  };
}
