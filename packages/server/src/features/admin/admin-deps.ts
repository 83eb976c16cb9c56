import type { Transactor } from '../../platform/transactor';
import type { Rules } from '../../platform/rules';
import type { AuditRepository } from '../audit/audit.repository';
import type { AdminRepository } from './admin.repository';

/** What the admin use cases share: reads, one transaction per change, the rules in force and their reload. */
export type AdminDeps = {
  repo: AdminRepository;
  transaction: Transactor<{ admin: AdminRepository; audit: AuditRepository }>;
  rules: Rules;
  /** Reloads the rules in force after a change, so this process applies it without waiting. */
  refreshRules: () => Promise<void>;
  format: (at: Date) => string;
};

export const ADMIN_READERS = ['regionalAdmin', 'auditor'] as const;
export const ADMIN_WRITERS = ['regionalAdmin'] as const;
