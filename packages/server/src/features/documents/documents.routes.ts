import { createRoute } from '@hono/zod-openapi';
import { ZApplicationId, ZDocumentQuery, ZErrorBody, ZPdfFile } from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import { getRefusalReceiptPdf, type RefusalReceiptPdfDeps } from './get-refusal-receipt-pdf';

/** The 200 of a PDF endpoint and its errors. */
export const pdfResponses = (description: string) => ({
  200: { description, content: { 'application/pdf': { schema: ZPdfFile } } },
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not allowed', ...json(ZErrorBody) },
  404: { description: 'No such record (or not visible)', ...json(ZErrorBody) },
  409: { description: 'No such document in the current status', ...json(ZErrorBody) },
});

/** The headers of a PDF download. */
export const pdfHeaders = (fileName: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${fileName}"`,
  'cache-control': 'no-store',
});

const routes = {
  refusalReceipt: createRoute({
    method: 'get',
    path: '/api/applications/{id}/refusal-receipt.pdf',
    tags: ['documents'],
    summary:
      'The refusal receipt (Annex 3) as a PDF in kk, ru or en, with the QR code of its register receipt',
    request: { params: ZApplicationId, query: ZDocumentQuery },
    responses: pdfResponses('The receipt (R-REFUSE-02)'),
  }),
};

export function documentsRoutes(deps: RefusalReceiptPdfDeps) {
  return createRouter().openapi(routes.refusalReceipt, async (c) => {
    const { fileName, pdf } = await getRefusalReceiptPdf(
      deps,
      actorOf(c),
      c.req.valid('param').id,
      c.req.valid('query').lang,
    );
    return c.body(pdf, 200, pdfHeaders(fileName));
  });
}
