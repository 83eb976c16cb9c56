import { z } from '@hono/zod-openapi';
import { parseIin } from '@kezek/domain';

/**
 * POST /api/dev/signature — DEVELOPMENT ONLY. Signs a login challenge the way NCALayer would for the holder of
 * the IIN, with the DevSignatureAuthority. The route exists only while the development signature adapter is
 * configured (KEZEK_PORTS=dev without KEZEK_SIGNATURE_URL), so the demo web app can sign in parents.
 */
export const ZDevSignRequest = z
  .object({
    iin: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseIin(value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
      })
      .openapi({ example: '900101300017', description: 'The signer’s IIN (12 digits, valid control digit)' }),
    payload: z.string().min(1).max(2_000).openapi({ description: 'The challenge payload to sign' }),
  })
  .openapi('DevSignRequest');
export type DevSignRequest = z.infer<typeof ZDevSignRequest>;

/**
 * DEVELOPMENT ONLY: the IIN the development stand-in signs a kindergarten's decisions as (staff accounts carry no
 * IIN; with NCALayer the signer's IIN comes from the EDS certificate).
 */
export const DEVELOPMENT_STAFF_SIGNER_IIN = '900101300017';

export const ZDevSignature = z
  .object({ signature: z.string().openapi({ description: 'A development CMS envelope, base64' }) })
  .openapi('DevSignature');
export type DevSignature = z.infer<typeof ZDevSignature>;
