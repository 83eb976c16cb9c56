import type { LedgerLog } from '@kezek/contracts';
import QRCode from 'qrcode';
import { getLedgerReceipt } from './get-ledger-receipt';
import type { LedgerDeps } from './ledger-deps';

/** The receipt's QR code as SVG (its `qr` text at level L, which a million-leaf proof still fits). */
export async function getReceiptQr(deps: LedgerDeps, log: LedgerLog, leafHash: string): Promise<string> {
  const receipt = await getLedgerReceipt(deps, log, leafHash);
  return QRCode.toString(receipt.qr, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 });
}
