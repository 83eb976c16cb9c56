import type { StaffRole } from '@kezek/db';
import type { Logger } from '../../platform/logger';
import { hashPassword } from '../../platform/password';
import { generateDemoDataset, type DemoIdentity } from './demo-dataset';
import type { DemoRepository } from './demo.repository';

/** The one password of every demo account; printed at start so a reviewer can log in. Never used outside the demo. */
export const DEMO_PASSWORD = 'kezek-demo-2026';

export type DemoLogin = { login: string; role: StaffRole; scope: string };

export type SeedResult = { seeded: boolean; logins: DemoLogin[]; counts: Record<string, number> };

/** Seeds the demo once: a second call (or a second process) finds the marker and changes nothing. */
export async function seedDemo(
  repo: DemoRepository,
  deps: { now: Date; identity: DemoIdentity; log: Logger },
): Promise<SeedResult> {
  const data = generateDemoDataset(deps.now, deps.identity);
  const [almaly, auezov] = data.districts;
  const firstKindergarten = data.kindergartens[0];
  const staffSpec: Array<DemoLogin & { fullName: string; district?: string; kindergarten?: string }> = [
    {
      login: 'clerk.almaly',
      role: 'clerk',
      scope: almaly?.name_en ?? '',
      fullName: 'Сейітова Гүлнар',
      district: almaly?.kato,
    },
    {
      login: 'clerk.auezov',
      role: 'clerk',
      scope: auezov?.name_en ?? '',
      fullName: 'Ким Ирина',
      district: auezov?.kato,
    },
    {
      login: 'kg.staff',
      role: 'kindergartenStaff',
      scope: firstKindergarten?.name_en ?? '',
      fullName: 'Омарова Динара',
      kindergarten: firstKindergarten?.id,
    },
    { login: 'admin.almaty', role: 'regionalAdmin', scope: 'Almaty city', fullName: 'Жұмабаев Ерлан' },
    { login: 'auditor', role: 'auditor', scope: 'read-only', fullName: 'Петров Андрей' },
  ];
  const logins = staffSpec.map(({ login, role, scope }) => ({ login, role, scope }));
  const counts = {
    kindergartens: data.kindergartens.length,
    groups: data.groups.length,
    applicants: data.applicants.length,
    children: data.children.length,
    applications: data.applications.length,
  };
  if ((await repo.seededAt()) !== undefined) return { seeded: false, logins, counts };

  const staff = await Promise.all(
    staffSpec.map(async (spec, index) => ({
      id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      login: spec.login,
      password_hash: await hashPassword(DEMO_PASSWORD),
      full_name: spec.fullName,
      role: spec.role,
      district_kato: spec.district ?? null,
      kindergarten_id: spec.kindergarten ?? null,
      created_at: deps.now,
    })),
  );
  const seeded = await repo.insertAll(data, staff, deps.now);
  if (seeded) deps.log.info('demo data seeded', counts);
  return { seeded, logins, counts };
}
