import type { StaffRole, StaffUsersTable } from '@kezek/db';
import type { Insertable } from 'kysely';
import type { Logger } from '../../platform/logger';
import { generateDemoDataset, type DemoDataset, type DemoIdentity } from './demo-dataset';
import type { DemoRepository } from './demo.repository';

/** The one password of every demo account; printed at start so a reviewer can log in. Never used outside the demo. */
export const DEMO_PASSWORD = 'kezek-demo-2026';

export type DemoLogin = { login: string; role: StaffRole; scope: string };

export type SeedResult = { logins: DemoLogin[]; counts: Record<string, number> | undefined };

type StaffSpec = DemoLogin & {
  fullName: string;
  district?: (data: DemoDataset) => string | undefined;
  kindergarten?: (data: DemoDataset) => string | undefined;
};

const STAFF: StaffSpec[] = [
  {
    login: 'clerk.almaly',
    role: 'clerk',
    scope: 'Almaly district',
    fullName: 'Сейітова Гүлнар',
    district: (d) => d.districts[0]?.kato,
  },
  {
    login: 'clerk.auezov',
    role: 'clerk',
    scope: 'Auezov district',
    fullName: 'Ким Ирина',
    district: (d) => d.districts[1]?.kato,
  },
  {
    login: 'kg.staff',
    role: 'kindergartenStaff',
    scope: 'Nursery school No. 10 "Baldyrgan"',
    fullName: 'Омарова Динара',
    kindergarten: (d) => d.kindergartens[0]?.id,
  },
  { login: 'admin.almaty', role: 'regionalAdmin', scope: 'Almaty city', fullName: 'Жұмабаев Ерлан' },
  { login: 'auditor', role: 'auditor', scope: 'read-only', fullName: 'Петров Андрей' },
];

export const DEMO_LOGINS: DemoLogin[] = STAFF.map(({ login, role, scope }) => ({ login, role, scope }));

/**
 * Seeds the demo once: when the marker is there (a restart, or another process won the race) nothing is generated
 * or written, so a restart costs one query. `counts` is set only when this call seeded.
 */
export async function seedDemo(
  repo: DemoRepository,
  deps: {
    now: Date;
    identity: DemoIdentity;
    hashPassword: (password: string) => Promise<string>;
    log: Logger;
  },
): Promise<SeedResult> {
  if ((await repo.seededAt()) !== undefined) return { logins: DEMO_LOGINS, counts: undefined };
  const data = generateDemoDataset(deps.now, deps.identity);
  const staff: Insertable<StaffUsersTable>[] = await Promise.all(
    STAFF.map(async (spec, index) => ({
      id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      login: spec.login,
      password_hash: await deps.hashPassword(DEMO_PASSWORD),
      full_name: spec.fullName,
      role: spec.role,
      district_kato: spec.district?.(data) ?? null,
      kindergarten_id: spec.kindergarten?.(data) ?? null,
      created_at: deps.now,
    })),
  );
  if (!(await repo.insertAll(data, staff, deps.now))) return { logins: DEMO_LOGINS, counts: undefined };
  const counts = {
    kindergartens: data.kindergartens.length,
    groups: data.groups.length,
    applicants: data.applicants.length,
    children: data.children.length,
    applications: data.applications.length,
    places: data.places.length,
  };
  deps.log.info('demo data seeded', counts);
  return { logins: DEMO_LOGINS, counts };
}
