import type { ApplicationView } from '@kezek/contracts';
import type { Actor } from '../../../platform/actor';
import { AppError } from '../../../platform/app-error';
import { changeApplication, type ChangeDeps } from '../application-change';
import type { ApplicationRecord } from '../applications.repository';
import { requireSystem } from './application-job';
import { noticeLabel } from '../../notifications/notice-labels';

export type ArchiveReason = 'ageLimit' | 'notInterested';

const FROM = { ageLimit: ['queued', 'stopped'], notInterested: ['queued'] } as const;
const RULE = { ageLimit: 'R-SYS-10', notInterested: 'R-SYS-13' } as const;

/**
 * Spec §5.1: a daily job moves a queued (or, for age, stopped) application to the archive — `ageLimit` when the
 * child is past the queue age (R-SYS-10), `notInterested` when interest lapsed (R-SYS-13). `stillDue` is asked
 * again of the locked row: a change since the job's read (the PMPC conclusion recorded, interest confirmed)
 * refuses the archive as a CONFLICT the job skips. A queued application leaves its queue's history (R-ORDER-06).
 */
export function archiveApplication(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  now: Date,
  reason: ArchiveReason,
  stillDue: (record: ApplicationRecord) => boolean,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: RULE[reason],
    access: 'write',
    allowed: requireSystem,
    from: FROM[reason],
    decide: (record) => {
      if (!stillDue(record))
        throw new AppError('CONFLICT', `No longer due for the archive (${reason})`, { rule: RULE[reason] });
      return {
        status: 'archived',
        fields: { status_reason: reason },
        ...(record.status === 'queued' ? { queueEvent: 'archived' } : {}),
        audit: { action: 'application.archived', data: { reason, rule: RULE[reason] } },
        notice: (after, language) => ({
          event: 'archived',
          params: { applicationNumber: after.number, reason: noticeLabel(reason, language) },
        }),
      };
    },
  });
}
