import { EXPORT_ROW_LIMIT, type ApplicationExportQuery } from '@kezek/contracts';
import { orderingGroup } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireStaff, scopeOf } from '../auth/authorize';
import type { ApplicationRecord, ApplicationsRepository } from './applications.repository';
import { queueKeyOf } from './application-view';

const EXPORT_ROLES = ['clerk', 'regionalAdmin', 'auditor'] as const;
const BATCH = 1_000;

/** Column headers and cells. No IINs or contacts: the export is a work list, not a register copy. */
const COLUMNS: ReadonlyArray<[string, (record: ApplicationRecord, format: (at: Date) => string) => string]> =
  [
    ['number', (r) => r.number],
    ['status', (r) => r.status],
    ['statusReason', (r) => r.status_reason ?? ''],
    ['channel', (r) => r.channel],
    ['queueKey', (r) => queueKeyOf(r)],
    ['group', (r) => orderingGroup(r.categories, r.privilege_used)],
    ['categories', (r) => r.categories.join(' ')],
    ['pendingCategories', (r) => r.pending_categories.join(' ')],
    ['childFullName', (r) => r.child_name],
    ['childBirthDate', (r) => r.child_birth_date],
    ['submittedAt', (r, format) => format(r.submitted_at)],
    ['checkDueAt', (r, format) => format(r.check_due_at)],
    ['originalsDueAt', (r, format) => (r.originals_due_at === null ? '' : format(r.originals_due_at))],
    ['verifiedAt', (r, format) => (r.verified_at === null ? '' : format(r.verified_at))],
  ];

/**
 * One CSV cell (RFC 4180): quoted when it holds a separator, quote or line break. A cell a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe (OWASP CSV injection).
 */
export const csvCell = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The work list as CSV, with the list's filters and scope (a clerk exports their district), in the list's order
 * (by the check deadline). Starts with a UTF-8 byte order mark so spreadsheets read Kazakh and Russian names.
 */
export async function exportApplications(
  deps: { applications: Pick<ApplicationsRepository, 'list'>; format: (at: Date) => string },
  actor: Actor,
  query: ApplicationExportQuery,
  now: Date,
): Promise<string> {
  const staff = requireStaff(actor, EXPORT_ROLES);
  const scope = scopeOf(staff);
  if (scope.kind !== 'all' && scope.kind !== 'district')
    throw new AppError('FORBIDDEN', 'No access to applications');
  const restriction = scope.kind === 'district' ? { districtKato: scope.districtKato } : {};
  const lines = [`\uFEFF${csvLine(COLUMNS.map(([name]) => name))}`];
  for (let page = 1; ; page += 1) {
    const { items, total } = await deps.applications.list(
      { ...query, page, pageSize: BATCH },
      restriction,
      now,
    );
    if (total > EXPORT_ROW_LIMIT)
      throw new AppError(
        'VALIDATION_FAILED',
        `The selection has ${total} applications; narrow it to at most ${EXPORT_ROW_LIMIT} with a filter`,
        { field: 'status' },
      );
    for (const record of items) lines.push(csvLine(COLUMNS.map(([, cell]) => cell(record, deps.format))));
    if (items.length < BATCH || page * BATCH >= total) break;
  }
  return lines.join('');
}
