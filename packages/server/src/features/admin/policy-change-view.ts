import type { PolicyOverview } from '@kezek/contracts';
import type { PolicyChangeRecord } from './admin.repository';

type PolicyValues = PolicyOverview['inForce'];

const isPolicyValues = (value: unknown): value is PolicyValues =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));

export const policyChangeView = (row: PolicyChangeRecord, format: (at: Date) => string) => ({
  id: row.id,
  region: row.region_kato,
  effectiveFrom: format(row.effective_from),
  set: isPolicyValues(row.overrides) ? row.overrides : {},
  reason: row.reason,
  createdAt: format(row.created_at),
});
