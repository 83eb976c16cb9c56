import { readFile } from 'node:fs/promises';
import {
  parseReceipt,
  QR_PREFIX,
  verifyReceiptOffline,
  verifyReceiptOnline,
  type Verdict,
} from '@kezek/server';

export type VerifyOptions = { online: string | undefined; key: string | undefined };

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };

/** A QR text is taken as given; anything else names a receipt file (JSON). */
async function readInput(input: string): Promise<string> {
  return input.startsWith(QR_PREFIX) ? input : readFile(input, 'utf8');
}

/**
 * `kezek verify <receipt.json | QR text> [--online URL] [--key HEX]` (docs/ledger.md): 0 when the receipt verifies,
 * 1 when it does not (altered, not yet covered by a signed head, unreadable, or inconsistent with the log online).
 */
export async function verifyCommand(input: string, options: VerifyOptions, out: Output): Promise<number> {
  let text: string;
  try {
    text = await readInput(input);
  } catch (error) {
    out.stderr(
      `kezek verify: cannot read ${input}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const claim = parseReceipt(text);
  if (claim === undefined) {
    out.stderr('kezek verify: NOT VERIFIED — not a Kezek ledger receipt (JSON or KZL1. QR text)\n');
    return 1;
  }
  let verdict: Verdict;
  try {
    verdict =
      options.online === undefined
        ? verifyReceiptOffline(claim, options.key)
        : await verifyReceiptOnline(claim, options.online, (url) => fetch(url), options.key);
  } catch (error) {
    verdict = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (verdict.ok) {
    out.stdout(`VERIFIED: ${verdict.message}\n`);
    return 0;
  }
  out.stderr(`kezek verify: NOT VERIFIED — ${verdict.message}\n`);
  return 1;
}
