import { z } from '@hono/zod-openapi';

/** GET /api/me/notifications — what the signed-in applicant was sent about their applications (R-APPL-07). */
export const ZMyNotifications = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        createdAt: z.string().openapi({ description: 'National time with offset' }),
        sentAt: z.string().nullable(),
        status: z.enum(['pending', 'sent', 'dead']),
        channel: z.enum(['sms', 'email']),
        recipient: z.string(),
        event: z.string().openapi({ example: 'queued', description: 'Stable event code' }),
        applicationNumber: z.string().nullable(),
        subject: z.string(),
        text: z.string().openapi({ description: 'The message as sent, in its language' }),
      }),
    ),
  })
  .openapi('MyNotifications');
export type MyNotifications = z.infer<typeof ZMyNotifications>;

/** The most recent notifications returned; older ones stay in the outbox. */
export const MY_NOTIFICATIONS_LIMIT = 100;
