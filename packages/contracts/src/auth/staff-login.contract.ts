import { z } from '@hono/zod-openapi';

/** POST /api/auth/staff/login. The password limit keeps key stretching from being fed megabytes. */
export const ZStaffLoginRequest = z
  .object({
    login: z.string().trim().min(1).max(100).openapi({ example: 'clerk.almaly' }),
    password: z.string().min(1).max(200),
  })
  .openapi('StaffLoginRequest');
export type StaffLoginRequest = z.infer<typeof ZStaffLoginRequest>;
