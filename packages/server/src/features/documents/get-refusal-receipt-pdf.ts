import type { Language } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { getRefusalReceipt } from '../applications/get-refusal-receipt';
import type { ApplicationsRepository } from '../applications/applications.repository';
import { renderPdf } from './pdf-renderer';
import { refusalReceiptDocument } from './refusal-receipt-document';

export type RefusalReceiptPdfDeps = {
  applications: Pick<ApplicationsRepository, 'byId' | 'rejection'>;
  format: (at: Date) => string;
  /** The QR text of the application's register receipt (R-SYS-08), if the ledger holds its latest leaf. */
  ledgerQr: (applicationId: string) => Promise<string | undefined>;
};

/**
 * R-REFUSE-02 (Annex 3): the refusal receipt as a PDF in kk, ru or en — the same receipt and the same access
 * as the JSON one; its QR code carries the register receipt of the refusal, which `kezek verify` checks.
 */
export async function getRefusalReceiptPdf(
  deps: RefusalReceiptPdfDeps,
  actor: Actor,
  id: string,
  language: Language,
): Promise<{ fileName: string; pdf: Uint8Array<ArrayBuffer> }> {
  const receipt = await getRefusalReceipt(deps, actor, id);
  const qr = (await deps.ledgerQr(id)) ?? `KEZEK:application:${receipt.applicationNumber}`;
  return {
    fileName: `refusal-${receipt.applicationNumber}-${language}.pdf`,
    pdf: await renderPdf(refusalReceiptDocument(receipt, language, qr)),
  };
}
