import type { ApplicationView } from '@kezek/contracts';
import { missOriginalsDeadline, type Policy } from '@kezek/domain';
import type { Actor } from '../../../platform/actor';
import { AppError } from '../../../platform/app-error';
import { changeApplication, type Change, type ChangeDeps } from '../application-change';
import { queueKeyOf } from '../application-view';
import { requireSystem } from './application-job';
import { toDomainApplication } from './domain-application';
import { noticeLabel } from '../../notifications/notice-labels';

/**
 * R-ELIG-15: the originals deadline of R-ELIG-12 passed with the application still pending. Decided by
 * the domain's missOriginalsDeadline, the reading of docs/replay.md ("Pending applications", 5): in the general
 * queue under `originalsRequired: unverifiableOnly`, identity and relationship came from state systems, so what
 * is outstanding is only the categories needing originals — queued without them, keeping its submission time
 * (R-ELIG-20) and the categories state systems confirmed; otherwise identity or relationship is unconfirmed →
 * `rejected` (ORIGINALS_NOT_PRESENTED).
 */
export function lapseOriginals(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  now: Date,
  policyFor: (settlement: string) => Policy,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: 'R-ELIG-15',
    access: 'write',
    allowed: requireSystem,
    from: ['pending'],
    decide: (record): Change => {
      if (record.originals_due_at === null || record.originals_due_at >= now)
        throw new AppError('CONFLICT', 'The originals deadline has not passed', { rule: 'R-ELIG-12' });
      const outcome = missOriginalsDeadline(toDomainApplication(record), policyFor(record.settlement_kato));
      if (!outcome.ok)
        throw new AppError('CONFLICT', outcome.refusal.message, { rule: outcome.refusal.rule });
      const claimed = [...record.categories, ...record.pending_categories];
      if (outcome.value.status === 'rejected') {
        return {
          status: 'rejected',
          fields: { status_reason: 'ORIGINALS_NOT_PRESENTED' },
          audit: {
            action: 'application.rejected',
            data: { reason: 'ORIGINALS_NOT_PRESENTED', rule: 'R-ELIG-15' },
          },
          notice: (after, language) => ({
            event: 'rejected',
            params: {
              applicationNumber: after.number,
              reason: noticeLabel('ORIGINALS_NOT_PRESENTED', language),
            },
          }),
        };
      }
      const kept: readonly string[] = outcome.value.categories;
      return {
        status: 'queued',
        fields: {
          categories: [...kept],
          pending_categories: [],
          verified_at: now,
          status_reason: outcome.value.statusReason ?? null,
        },
        queueEvent: 'registered',
        audit: {
          action: 'application.verified',
          data: { confirmed: kept, dropped: claimed.filter((c) => !kept.includes(c)), rule: 'R-ELIG-15' },
        },
        notice: (after, _language, position) => ({
          event: 'queued',
          params: { applicationNumber: after.number, queue: queueKeyOf(after), position: position ?? 0 },
        }),
      };
    },
  });
}
