import type { Area } from '../../app/area';
import { PlacesPage } from './places-page';
import { ReferralsPage } from './referrals-page';

/** Kindergarten staff: their organisation's places (R-KG-01..05) and the children referred to it (service 2). */
export const area: Area = {
  rank: 40,
  nav: [
    { path: '/kindergarten', label: 'kgDesk.nav.places', audience: ['kindergartenStaff'] },
    { path: '/kindergarten/referrals', label: 'kgDesk.nav.referrals', audience: ['kindergartenStaff'] },
  ],
  pages: [
    { pattern: '/kindergarten', render: () => <PlacesPage /> },
    { pattern: '/kindergarten/referrals', render: () => <ReferralsPage /> },
  ],
};
