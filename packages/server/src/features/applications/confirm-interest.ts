import type { ApplicationView } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireSignedIn } from '../auth/authorize';
import { noticeLabel } from '../notifications/notice-labels';
import { changeApplication, type ChangeDeps } from './application-change';

/** R-APPL-08, R-SYS-13: the yearly confirmation of interest restarts the 12-month clock. */
export function confirmInterest(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  _input: object,
  now: Date,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: 'R-APPL-08',
    access: 'write',
    allowed: requireSignedIn,
    from: ['queued', 'stopped'],
    decide: () => ({
      fields: { interest_confirmed_at: now },
      audit: { action: 'application.interestConfirmed' },
      notice: (after, language) => ({
        event: 'applicationChanged',
        params: { applicationNumber: after.number, change: noticeLabel('interestConfirmed', language) },
      }),
    }),
  });
}
