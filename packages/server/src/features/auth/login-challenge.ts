const CHALLENGE_TTL_MS = 5 * 60_000;

export type LoginChallenge = { iin: string; nonce: string; expiresAt: Date };

export const challengeExpiry = (now: Date): Date => new Date(now.getTime() + CHALLENGE_TTL_MS);

/**
 * The text an applicant signs to sign in. It names the purpose, the IIN and the expiry so that a signature made
 * for it cannot pass for consent to anything else; the nonce makes it single use. Rebuilt from the stored IIN
 * and expiry at login, so it must stay a pure function of these fields.
 */
export const challengePayload = (challenge: LoginChallenge): string =>
  [
    'Kezek: sign in to the preschool services',
    `IIN: ${challenge.iin}`,
    `Nonce: ${challenge.nonce}`,
    `Expires: ${challenge.expiresAt.toISOString()}`,
  ].join('\n');
