import type { Area } from '../../app/area';
import { ChangePasswordPage } from './change-password-page';
import { SignInPage } from './sign-in-page';
import { StaffSignInPage } from './staff-sign-in-page';

export const area: Area = {
  rank: 10,
  nav: [],
  pages: [
    { pattern: '/signin', render: () => <SignInPage /> },
    { pattern: '/staff/signin', render: () => <StaffSignInPage /> },
    { pattern: '/staff/password', render: () => <ChangePasswordPage /> },
  ],
};
