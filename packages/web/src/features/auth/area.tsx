import type { Area } from '../../app/area';
import { SignInPage } from './sign-in-page';
import { StaffSignInPage } from './staff-sign-in-page';

export const area: Area = {
  rank: 10,
  nav: [],
  pages: [
    { pattern: '/signin', render: () => <SignInPage /> },
    { pattern: '/staff/signin', render: () => <StaffSignInPage /> },
  ],
};
