import type { ApplicantChallenge } from '@kezek/contracts';
import { devSign } from './auth';
import { signWithNcaLayer, type NcaKeyType } from './ncalayer';

/**
 * Signs `text` for the holder of `iin` the way the server expects: with NCALayer on the user's computer, or — only
 * when the server runs its development signature authority and says so — with that stand-in.
 */
export async function signText(
  text: string,
  iin: string,
  signer: ApplicantChallenge['signer'],
  keyType: NcaKeyType,
): Promise<string> {
  if (signer === 'development') return (await devSign(iin, text)).signature;
  return signWithNcaLayer(text, keyType);
}
