import type { ApplicationView, ModifyApplication } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireSignedIn } from '../auth/authorize';
import { noticeLabel } from '../notifications/notice-labels';
import { changeApplication, type ChangeDeps } from './application-change';

/**
 * R-APPL-02: contact data and language; a new settlement or queue is a withdrawal plus a new application. The
 * notice goes to the previous contacts too, so a parent learns if someone else changed where notices go.
 */
export function modifyApplication(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: ModifyApplication,
  now: Date,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: 'R-APPL-02',
    access: 'write',
    allowed: requireSignedIn,
    from: ['pending', 'queued', 'stopped', 'referred'],
    version: input.version,
    decide: (record) => ({
      fields: {
        ...(input.smsNumbers === undefined ? {} : { sms_numbers: input.smsNumbers }),
        ...(input.email === undefined ? {} : { email: input.email }),
        ...(input.language === undefined ? {} : { language: input.language }),
      },
      audit: {
        action: 'application.modified',
        data: { fields: Object.keys(input).filter((k) => k !== 'version') },
      },
      notice: (after, language) => ({
        event: 'applicationChanged',
        params: { applicationNumber: after.number, change: noticeLabel('contactsChanged', language) },
      }),
      noticeAlsoTo: { smsNumbers: record.sms_numbers, email: record.email },
    }),
  });
}
