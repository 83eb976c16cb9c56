import { z } from '@hono/zod-openapi';
import { LANGUAGES } from './common';

/** The language of a PDF document (kk by default; ru and en on request). */
export const ZDocumentQuery = z
  .object({
    lang: z.enum(LANGUAGES).default('kk').openapi({ description: 'Language of the document', example: 'kk' }),
  })
  .openapi('DocumentQuery');
export type DocumentQuery = z.infer<typeof ZDocumentQuery>;

/** A PDF file (the response body of the document endpoints). */
export const ZPdfFile = z.string().openapi({ format: 'binary', description: 'A PDF document' });
