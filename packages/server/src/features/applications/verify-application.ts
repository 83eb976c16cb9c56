import type { ApplicationView, VerifyApplication } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { changeApplication, type Change, type ChangeDeps } from './application-change';

/**
 * R-ELIG-11..15: the clerk checks the originals. Confirmed → queued by its submission time (R-ELIG-13), with
 * the categories whose documents were confirmed (R-CAT-03); rejected → the reasoned refusal (R-REFUSE-01).
 */
export function verifyApplication(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: VerifyApplication,
  now: Date,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    access: 'write',
    allowed: (a) => requireStaff(a, ['clerk', 'regionalAdmin']),
    from: ['pending'],
    decide: (record): Change => {
      if (input.result === 'rejected') {
        return {
          status: 'rejected',
          fields: { status_reason: input.reason, verified_at: now },
          audit: {
            action: 'application.rejected',
            data: { reason: input.reason, comment: input.comment ?? null },
          },
          notice: { template: 'applicationRejected', params: { reason: input.reason } },
        };
      }
      const claimed = record.pending_categories;
      const confirmed = input.confirmedCategories ?? claimed;
      const unclaimed = confirmed.filter((code) => !claimed.includes(code));
      if (unclaimed.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `confirmedCategories: ${unclaimed.join(', ')} were not claimed`,
          {
            field: 'confirmedCategories',
            rule: 'R-CAT-03',
          },
        );
      }
      return {
        status: 'queued',
        fields: { categories: confirmed, pending_categories: [], verified_at: now },
        queueEvent: 'registered',
        audit: {
          action: 'application.verified',
          data: { confirmed, dropped: claimed.filter((c) => !confirmed.includes(c)) },
        },
        notice: {
          template: 'applicationQueued',
          params: { queue: `${record.settlement_kato}/${record.birth_year}/${record.queue}` },
        },
      };
    },
  });
}
