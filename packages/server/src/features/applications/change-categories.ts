import type { ApplicationView, ChangeCategories } from '@kezek/contracts';
import { orderingGroup, parseCategories } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireSignedIn } from '../auth/authorize';
import { noticeLabel } from '../notifications/notice-labels';
import { changeApplication, type ChangeDeps } from './application-change';
import { queueKeyOf } from './application-view';

/**
 * R-ORDER-07 (§20(3)): the application keeps its submission time and moves to its new group. An applicant's
 * added category counts once a clerk confirms it (pending until then); a removed one at once. A clerk's change
 * is made on checked documents and is confirmed at once.
 */
export function changeCategories(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: ChangeCategories,
  now: Date,
): Promise<ApplicationView> {
  const parsed = parseCategories(input.categories);
  if (!parsed.ok) {
    throw new AppError('RULE_VIOLATION', `categories: ${parsed.error.join('; ')}`, {
      field: 'categories',
      rule: 'R-CAT-04',
    });
  }
  const wanted: string[] = parsed.value;
  const byStaff = actor.kind === 'staff';
  return changeApplication(deps, actor, id, now, {
    rule: 'R-ORDER-07',
    access: 'write',
    allowed: requireSignedIn,
    from: ['pending', 'queued', 'stopped'],
    version: input.version,
    decide: (record) => {
      const confirmed = byStaff ? wanted : record.categories.filter((code) => wanted.includes(code));
      const pending = byStaff ? [] : wanted.filter((code) => !confirmed.includes(code));
      const regrouped =
        orderingGroup(confirmed, record.privilege_used) !==
        orderingGroup(record.categories, record.privilege_used);
      return {
        fields: { categories: confirmed, pending_categories: pending },
        ...(record.status === 'queued' && regrouped ? { queueEvent: 'groupChanged' } : {}),
        audit: { action: 'application.categoriesChanged', data: { confirmed, pending, byStaff } },
        notice: (after, language, position) =>
          position === null
            ? {
                event: 'applicationChanged',
                params: {
                  applicationNumber: after.number,
                  change: noticeLabel('categoriesChanged', language),
                },
              }
            : {
                event: 'positionChanged',
                params: { applicationNumber: after.number, queue: queueKeyOf(after), position },
              },
      };
    },
  });
}
