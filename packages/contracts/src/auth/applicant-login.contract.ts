import { z } from '@hono/zod-openapi';
import { parseIin } from '@kezek/domain';

/** 256 random bits, base64url without padding. */
const ZChallengeId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'a challenge ID is 43 base64url characters')
  .openapi({ description: 'Returned by POST /api/auth/applicant/challenge' });

/** POST /api/auth/applicant/challenge */
export const ZApplicantChallengeRequest = z
  .object({
    iin: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseIin(value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
      })
      .openapi({
        example: '900101300017',
        description: 'The applicant’s IIN (12 digits, valid control digit)',
      }),
  })
  .openapi('ApplicantChallengeRequest');
export type ApplicantChallengeRequest = z.infer<typeof ZApplicantChallengeRequest>;

export const ZApplicantChallenge = z
  .object({
    challengeId: ZChallengeId,
    payload: z.string().openapi({ description: 'The exact text to sign with the applicant’s signature key' }),
    expiresAt: z.string().openapi({ description: 'Instant after which the challenge is refused, ISO 8601' }),
    signer: z.enum(['ncalayer', 'development']).openapi({
      description:
        "Who signs: NCALayer on the applicant's computer, or (a development server only) the server's stand-in authority",
    }),
  })
  .openapi('ApplicantChallenge');
export type ApplicantChallenge = z.infer<typeof ZApplicantChallenge>;

/** POST /api/auth/applicant/login */
export const ZApplicantLoginRequest = z
  .object({
    challengeId: ZChallengeId,
    signature: z.string().min(1).max(100_000).openapi({ description: 'Signature of the challenge payload' }),
  })
  .openapi('ApplicantLoginRequest');
export type ApplicantLoginRequest = z.infer<typeof ZApplicantLoginRequest>;
