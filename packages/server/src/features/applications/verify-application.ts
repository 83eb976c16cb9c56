import type { ApplicationView, VerifyApplication } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff } from '../auth/authorize';
import { noticeLabel } from '../notifications/notice-labels';
import { changeApplication, type Change, type ChangeDeps } from './application-change';
import { queueKeyOf } from './application-view';

/**
 * R-ELIG-11..15: the clerk checks the originals. Confirmed → queued by its submission time (R-ELIG-13), with
 * the categories whose documents were confirmed (R-CAT-03) and the legal representation, if it was to be
 * checked (R-ELIG-11); rejected → the reasoned refusal (R-REFUSE-01).
 */
export function verifyApplication(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: VerifyApplication,
  now: Date,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: 'R-ELIG-13',
    access: 'write',
    allowed: (a) => requireStaff(a, ['clerk', 'regionalAdmin']),
    from: ['pending'],
    version: input.version,
    decide: (record): Change => {
      if (input.result === 'rejected') {
        return {
          status: 'rejected',
          fields: { status_reason: input.reason, verified_at: now },
          audit: {
            action: 'application.rejected',
            data: {
              reason: input.reason,
              missingDocuments: input.missingDocuments,
              comment: input.comment ?? null,
            },
          },
          notice: (after, language) => ({
            event: 'rejected',
            params: { applicationNumber: after.number, reason: noticeLabel(input.reason, language) },
          }),
        };
      }
      // A clerk may already have confirmed some categories on checked documents (changeCategories): they stay.
      const claimed = [...new Set([...record.categories, ...record.pending_categories])];
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
        fields: {
          categories: confirmed,
          pending_categories: [],
          verified_at: now,
          representation_to_verify: false,
        },
        queueEvent: 'registered',
        audit: {
          action: 'application.verified',
          data: { confirmed, dropped: claimed.filter((c) => !confirmed.includes(c)) },
        },
        notice: (after, _language, position) => ({
          event: 'queued',
          params: { applicationNumber: after.number, queue: queueKeyOf(after), position: position ?? 0 },
        }),
      };
    },
  });
}
