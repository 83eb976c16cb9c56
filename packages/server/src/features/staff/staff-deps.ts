import type { StaffAccountView } from '@kezek/contracts';
import type { PasswordHasher } from '../auth/auth.routes';
import type { AuditRepository } from '../audit/audit.repository';
import type { Transactor } from '../../platform/transactor';
import type { StaffRecord, StaffRepository } from './staff.repository';

export type StaffDeps = {
  repo: StaffRepository;
  transaction: Transactor<{ staff: StaffRepository; audit: AuditRepository }>;
  passwords: PasswordHasher;
  format: (at: Date) => string;
};

export const toStaffAccount = (
  row: StaffRecord,
  now: Date,
  format: (at: Date) => string,
): StaffAccountView => ({
  id: row.id,
  login: row.login,
  fullName: row.full_name,
  role: row.role,
  districtKato: row.district_kato,
  kindergartenId: row.kindergarten_id,
  disabled: row.disabled_at !== null,
  locked: row.locked_until !== null && row.locked_until > now,
  mustChangePassword: row.must_change_password,
  createdAt: format(row.created_at),
});
