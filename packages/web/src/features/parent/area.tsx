import type { Area } from '../../app/area';
import { ApplicationPage } from './application-page';
import { ApplyPage } from './apply-page';
import { CategoriesPage } from './categories-page';
import { MyApplicationsPage } from './my-applications-page';
import { NotificationsPage } from './notifications-page';
import { ReferralPage } from './referral-page';

export const area: Area = {
  rank: 20,
  nav: [
    { path: '/my', label: 'nav.myApplications', audience: ['applicant'] },
    { path: '/my/apply', label: 'nav.apply', audience: ['applicant'] },
    { path: '/my/notifications', label: 'nav.notifications', audience: ['applicant'] },
  ],
  pages: [
    { pattern: '/my', render: () => <MyApplicationsPage /> },
    { pattern: '/my/apply', render: () => <ApplyPage /> },
    { pattern: '/my/notifications', render: () => <NotificationsPage /> },
    { pattern: '/my/applications/:id', render: ({ id = '' }) => <ApplicationPage id={id} /> },
    { pattern: '/my/applications/:id/categories', render: ({ id = '' }) => <CategoriesPage id={id} /> },
    { pattern: '/my/referrals/:id', render: ({ id = '' }) => <ReferralPage id={id} /> },
  ],
};
