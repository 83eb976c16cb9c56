import type { Language, LedgerReceipt } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { renderPdf } from '../documents/pdf-renderer';
import { referralDocument } from '../documents/referral-document';
import { getReferral } from './get-referral';
import type { ReferralsRepository } from './referrals.repository';

export type ReferralPdfDeps = {
  referrals: Pick<ReferralsRepository, 'byId'>;
  format: (at: Date) => string;
  /** The receipt of the referral's latest entry in the referrals register (R-REF-14, R-SYS-08). */
  ledgerReceipt: (referralId: string) => Promise<LedgerReceipt | undefined>;
};

/**
 * The referral (жолдама) as a PDF in kk, ru or en, with the same access as the referral itself. R-REF-14: the
 * referral is electronic and recorded in the referrals register; its QR code is the register receipt, which
 * `kezek verify` checks against the signed head, and the entry's hash is printed for reading out.
 */
export async function getReferralPdf(
  deps: ReferralPdfDeps,
  actor: Actor,
  id: string,
  language: Language,
): Promise<{ fileName: string; pdf: Uint8Array<ArrayBuffer> }> {
  const referral = await getReferral(deps, actor, id);
  const receipt = await deps.ledgerReceipt(referral.id);
  // Every audited referral has its entry; the fallback only serves a referral written before the register existed.
  const qr = receipt?.qr ?? `KEZEK:referral:${referral.number}:${referral.id}`;
  return {
    fileName: `referral-${referral.number}-${language}.pdf`,
    pdf: await renderPdf(referralDocument(referral, language, qr, receipt?.leafHash)),
  };
}
