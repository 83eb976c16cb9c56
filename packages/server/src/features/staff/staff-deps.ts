import type { StaffAccountView } from '@kezek/contracts';
import type { Db } from '@kezek/db';
import type { PasswordHasher } from '../auth/auth.routes';
import { auditRepository, type AuditRepository } from '../audit/audit.repository';
import { transactor, type Transactor } from '../../platform/transactor';
import { staffRepository, type StaffRecord, type StaffRepository } from './staff.repository';

export type StaffDeps = {
  repo: StaffRepository;
  transaction: Transactor<{ staff: StaffRepository; audit: AuditRepository }>;
  passwords: PasswordHasher;
  format: (at: Date) => string;
};

export const staffDeps = (db: Db, passwords: PasswordHasher, format: (at: Date) => string): StaffDeps => ({
  repo: staffRepository(db),
  transaction: transactor(db, (trx) => ({ staff: staffRepository(trx), audit: auditRepository(trx) })),
  passwords,
  format,
});

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
