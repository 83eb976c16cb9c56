import { z } from '@hono/zod-openapi';
import { STAFF_ROLES } from '../auth/session.contract';
import { ZKato, ZPageQuery, pageOf } from '../common';

export const ZStaffLogin = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9._-]{2,39}$/,
    'a login is 3–40 lower-case Latin letters, digits, dots, dashes or underscores',
  )
  .openapi({ example: 'clerk.almaly2' });

export const ZStaffListQuery = ZPageQuery.extend({
  role: z.enum(STAFF_ROLES).optional(),
  district: ZKato.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'Search in the login and the name' }),
  disabled: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type StaffListQuery = z.infer<typeof ZStaffListQuery>;

export const ZStaffAccount = z
  .object({
    id: z.uuid(),
    login: z.string(),
    fullName: z.string(),
    role: z.enum(STAFF_ROLES),
    districtKato: ZKato.nullable(),
    kindergartenId: z.uuid().nullable(),
    disabled: z.boolean(),
    locked: z.boolean().openapi({ description: 'Locked out after failed sign-ins (15 minutes)' }),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('StaffAccount');
export type StaffAccountView = z.infer<typeof ZStaffAccount>;

export const ZStaffPage = pageOf(ZStaffAccount).openapi('StaffPage');
export type StaffPage = z.infer<typeof ZStaffPage>;

/** A new account: clerks serve a district, kindergarten staff an organisation, the other roles neither. */
export const ZNewStaffAccount = z
  .object({
    login: ZStaffLogin,
    fullName: z.string().trim().min(3).max(200),
    role: z.enum(STAFF_ROLES),
    districtKato: ZKato.nullable().default(null),
    kindergartenId: z.uuid().nullable().default(null),
  })
  .openapi('NewStaffAccount');
export type NewStaffAccount = z.infer<typeof ZNewStaffAccount>;

/** The account with its one-time password: shown once, to be handed over in person; changed at first sign-in. */
export const ZStaffAccountWithPassword = z
  .object({ account: ZStaffAccount, temporaryPassword: z.string() })
  .openapi('StaffAccountWithPassword');
export type StaffAccountWithPassword = z.infer<typeof ZStaffAccountWithPassword>;

export const ZStaffId = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: 'f0000000-0000-4000-8000-000000000101' }),
});

export const ZStaffDisable = z
  .object({ disabled: z.boolean(), reason: z.string().trim().min(3).max(500) })
  .openapi('StaffDisable');
export type StaffDisable = z.infer<typeof ZStaffDisable>;

/** POST /api/auth/staff/password: a signed-in member of staff changes their own password. */
export const ZChangePassword = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .openapi('ChangePassword');
export type ChangePassword = z.infer<typeof ZChangePassword>;
