import type { ApplicationView } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireSignedIn } from '../auth/authorize';
import { noticeLabel } from '../notifications/notice-labels';
import { changeApplication, type ChangeDeps } from './application-change';

/** R-APPL-03: the applicant (or a clerk for them) withdraws; final. */
export function withdrawApplication(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: { version: number },
  now: Date,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: 'R-APPL-03',
    access: 'write',
    allowed: requireSignedIn,
    from: ['pending', 'queued', 'stopped'],
    version: input.version,
    decide: (record) => ({
      status: 'withdrawn',
      fields: { status_reason: 'byApplicant' },
      ...(record.status === 'queued' ? { queueEvent: 'withdrawn' } : {}),
      audit: { action: 'application.withdrawn' },
      notice: (after, language) => ({
        event: 'applicationChanged',
        params: { applicationNumber: after.number, change: noticeLabel('withdrawn', language) },
      }),
    }),
  });
}
