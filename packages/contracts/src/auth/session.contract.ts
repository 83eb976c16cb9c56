import { z } from '@hono/zod-openapi';
import { ZKato } from '../common';

export const STAFF_ROLES = ['clerk', 'kindergartenStaff', 'regionalAdmin', 'auditor', 'operator'] as const;

export const ZSessionActor = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('public') }),
    z.object({
      kind: z.literal('applicant'),
      applicantId: z.string().uuid(),
      surname: z.string(),
      givenName: z.string(),
      patronymic: z.string().nullable(),
    }),
    z.object({
      kind: z.literal('staff'),
      userId: z.string().uuid(),
      login: z.string(),
      fullName: z.string(),
      role: z.enum(STAFF_ROLES),
      districtKato: ZKato.nullable().openapi({ description: 'Set for clerks: the district they serve' }),
      kindergartenId: z
        .string()
        .uuid()
        .nullable()
        .openapi({ description: 'Set for kindergarten staff: their organisation' }),
      mustChangePassword: z.boolean().openapi({
        description:
          'The password was set by the admin (a new account, a reset): change it before anything else',
      }),
    }),
  ])
  .openapi('SessionActor');
export type SessionActor = z.infer<typeof ZSessionActor>;

/** GET /api/auth/session and the answer of a login: who is signed in, and the CSRF token for their writes. */
export const ZSession = z
  .object({
    actor: ZSessionActor,
    csrfToken: z.string().nullable().openapi({
      description:
        'Send as the X-CSRF-Token header with every POST, PUT, PATCH and DELETE of this session; null when anonymous',
    }),
    signer: z.enum(['ncalayer', 'development']).openapi({
      description:
        "How this server expects EDS signatures: NCALayer on the user's computer, or (a development server) its stand-in",
    }),
  })
  .openapi('Session');
export type Session = z.infer<typeof ZSession>;
