import { MY_NOTIFICATIONS_LIMIT, type MyNotifications } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireApplicant } from '../auth/authorize';
import { isNotificationEvent, renderNotification } from '../notifications/notification-templates';
import type { MyNotificationsRepository } from './my-notifications.repository';

const paramsOf = (payload: unknown): Record<string, unknown> => {
  const parsed: unknown = typeof payload === 'string' ? JSON.parse(payload) : payload;
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
};

/**
 * R-APPL-07: the notifications the applicant was sent (or is about to be) about their applications, as the
 * text they received. A row whose template no longer renders is left out rather than shown with holes.
 */
export async function listMyNotifications(
  deps: { notifications: MyNotificationsRepository; format: (at: Date) => string },
  actor: Actor,
): Promise<MyNotifications> {
  const { applicantId } = requireApplicant(actor);
  const rows = await deps.notifications.ofApplicant(applicantId, MY_NOTIFICATIONS_LIMIT);
  return {
    items: rows.flatMap((row) => {
      if (!isNotificationEvent(row.template)) return [];
      const rendered = renderNotification(row.template, row.language, paramsOf(row.payload));
      if (!rendered.ok) return [];
      return [
        {
          id: Number(row.id),
          createdAt: deps.format(row.created_at),
          sentAt: row.sent_at === null ? null : deps.format(row.sent_at),
          status: row.status,
          channel: row.channel,
          recipient: row.recipient,
          event: row.template,
          applicationNumber: row.application_number,
          subject: rendered.subject,
          text: rendered.text,
        },
      ];
    }),
  };
}
