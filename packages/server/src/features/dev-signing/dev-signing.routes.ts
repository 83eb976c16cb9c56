import { createRoute } from '@hono/zod-openapi';
import { ZDevSignature, ZDevSignRequest, ZErrorBody } from '@kezek/contracts';
import { createRouter } from '../../http/openapi-app';
import type { DevSignatureAuthority } from '../../ports';

const sign = createRoute({
  method: 'post',
  path: '/api/dev/signature',
  tags: ['development'],
  summary: 'DEVELOPMENT ONLY: sign a login challenge as NCALayer would for the holder of an IIN',
  description:
    'Exists only while the development signature adapter (DevSignatureAuthority) is configured, i.e. ' +
    'KEZEK_PORTS=dev without KEZEK_SIGNATURE_URL. With a real verifier the route is not mounted (404), and a ' +
    'development signature would not verify anyway. Lets the demo web app sign parents in without NCALayer.',
  request: { body: { required: true, content: { 'application/json': { schema: ZDevSignRequest } } } },
  responses: {
    200: { description: 'The signature', content: { 'application/json': { schema: ZDevSignature } } },
    400: { description: 'Invalid IIN or payload', content: { 'application/json': { schema: ZErrorBody } } },
  },
});

/** Mounted by compose.ts only when `ports.signature` is the DevSignatureAuthority. */
export function devSigningRoutes(authority: DevSignatureAuthority) {
  return createRouter().openapi(sign, (c) => {
    const { iin, payload } = c.req.valid('json');
    return c.json({ signature: authority.sign(payload, iin) }, 200);
  });
}
