import type { Area } from '../../app/area';
import { HomePage } from './home-page';
import { KindergartensPage } from './kindergartens-page';

export const area: Area = {
  rank: 0,
  nav: [
    { path: '/', label: 'nav.home', audience: ['everyone'] },
    { path: '/kindergartens', label: 'nav.kindergartens', audience: ['everyone'] },
  ],
  pages: [
    { pattern: '/', render: () => <HomePage /> },
    { pattern: '/kindergartens', render: () => <KindergartensPage /> },
  ],
};
