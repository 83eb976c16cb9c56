import type { Area } from '../../app/area';
import { ClerkApplicationPage } from './clerk-application-page';
import { OriginalsPage } from './originals-page';
import { WorkQueuePage } from './work-queue-page';

/** The application work list: clerks see their district; the regional admin, auditors and operators all. */
export const area: Area = {
  rank: 30,
  nav: [
    { path: '/clerk', label: 'nav.workQueue', audience: ['clerk', 'regionalAdmin', 'auditor', 'operator'] },
    { path: '/clerk/referrals', label: 'clerkDesk.nav', audience: ['clerk'] },
  ],
  pages: [
    { pattern: '/clerk', render: () => <WorkQueuePage /> },
    { pattern: '/clerk/applications/:id', render: ({ id = '' }) => <ClerkApplicationPage id={id} /> },
    { pattern: '/clerk/referrals', render: () => <OriginalsPage /> },
  ],
};
