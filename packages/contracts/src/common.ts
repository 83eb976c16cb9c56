import { z } from '@hono/zod-openapi';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A name in the three languages of the product; Kazakh is the default. */
export const ZLocalizedName = z
  .object({ kk: z.string(), ru: z.string(), en: z.string() })
  .openapi('LocalizedName');
export type LocalizedName = z.infer<typeof ZLocalizedName>;

export const ZKato = z
  .string()
  .regex(/^\d{9}$/, 'a KATO code is 9 digits')
  .openapi({ example: '751110000', description: 'Administrative-territorial object code (KATO)' });

export const PAGE_SIZE_MAX = 100;

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20).openapi({ example: 20 }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
