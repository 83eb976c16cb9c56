import type { Area } from '../../app/area';
import { CalendarPage } from './calendar-page';
import { PolicyPage } from './policy-page';
import { StaffPage } from './staff-page';
import { TerritoryPage } from './territory-page';

/**
 * The regional admin's pages (issue #8): the policy with its scheduled changes, the working-day calendar, the
 * territory and the staff accounts. The API lets the auditor read all four, so the auditor sees them read-only.
 */
export const area: Area = {
  rank: 60,
  nav: [
    { path: '/admin/policy', label: 'regionAdmin.nav.policy', audience: ['regionalAdmin', 'auditor'] },
    { path: '/admin/calendar', label: 'regionAdmin.nav.calendar', audience: ['regionalAdmin', 'auditor'] },
    { path: '/admin/territory', label: 'regionAdmin.nav.territory', audience: ['regionalAdmin', 'auditor'] },
    { path: '/admin/staff', label: 'regionAdmin.nav.staff', audience: ['regionalAdmin', 'auditor'] },
  ],
  pages: [
    { pattern: '/admin/policy', render: () => <PolicyPage /> },
    { pattern: '/admin/calendar', render: () => <CalendarPage /> },
    { pattern: '/admin/territory', render: () => <TerritoryPage /> },
    { pattern: '/admin/staff', render: () => <StaffPage /> },
    { pattern: '/admin', render: () => <PolicyPage /> },
  ],
};
