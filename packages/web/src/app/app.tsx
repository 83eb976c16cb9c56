import { useEffect, useRef } from 'react';
import type { Language } from '@kezek/contracts';
import { SignInPage } from '../features/auth/sign-in-page';
import { StaffSignInPage } from '../features/auth/staff-sign-in-page';
import { ClerkApplicationPage } from '../features/clerk/clerk-application-page';
import { WorkQueuePage } from '../features/clerk/work-queue-page';
import { ApplicationPage } from '../features/parent/application-page';
import { ApplyPage } from '../features/parent/apply-page';
import { MyApplicationsPage } from '../features/parent/my-applications-page';
import { NotificationsPage } from '../features/parent/notifications-page';
import { HomePage } from '../features/public/home-page';
import { KindergartensPage } from '../features/public/kindergartens-page';
import { NotFoundPage } from '../features/public/not-found-page';
import { changeLanguage, useI18n } from '../i18n';
import { UI_LANGUAGES } from '../i18n/language';
import { Link, matchPath, navigate, useLocation } from './router';
import { useActor, useSession } from './session';

type NavKey =
  | 'nav.home'
  | 'nav.kindergartens'
  | 'nav.myApplications'
  | 'nav.apply'
  | 'nav.notifications'
  | 'nav.workQueue';
type Route = { path: string; nav: NavKey };

const PUBLIC_NAV: readonly Route[] = [
  { path: '/', nav: 'nav.home' },
  { path: '/kindergartens', nav: 'nav.kindergartens' },
];
const PARENT_NAV: readonly Route[] = [
  { path: '/my', nav: 'nav.myApplications' },
  { path: '/my/apply', nav: 'nav.apply' },
  { path: '/my/notifications', nav: 'nav.notifications' },
];
const STAFF_NAV: readonly Route[] = [{ path: '/clerk', nav: 'nav.workQueue' }];

/** Trailing slashes are tolerated so `/kindergartens/` is the same page. */
const normalizePath = (pathname: string): string =>
  pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;

const Page = ({ pathname }: { pathname: string }) => {
  switch (pathname) {
    case '/':
      return <HomePage />;
    case '/kindergartens':
      return <KindergartensPage />;
    case '/signin':
      return <SignInPage />;
    case '/staff/signin':
      return <StaffSignInPage />;
    case '/my':
      return <MyApplicationsPage />;
    case '/my/apply':
      return <ApplyPage />;
    case '/my/notifications':
      return <NotificationsPage />;
    case '/clerk':
      return <WorkQueuePage />;
  }
  const parentApplication = matchPath('/my/applications/:id', pathname);
  if (parentApplication?.['id'] !== undefined) return <ApplicationPage id={parentApplication['id']} />;
  const clerkApplication = matchPath('/clerk/applications/:id', pathname);
  if (clerkApplication?.['id'] !== undefined) return <ClerkApplicationPage id={clerkApplication['id']} />;
  return <NotFoundPage />;
};

/** Who is signed in, and the way out; or the ways in. */
const SessionBar = () => {
  const { t } = useI18n();
  const actor = useActor();
  const { signOut } = useSession();
  if (actor.kind === 'public') {
    return (
      <div className="session-bar">
        <Link to="/signin" className="session-link">
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  const name = actor.kind === 'applicant' ? `${actor.surname} ${actor.givenName}` : actor.fullName;
  return (
    <div className="session-bar">
      <span className="session-name" data-testid="session-name">
        {name}
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() => void signOut().then(() => navigate('/'))}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
};

const LanguageSwitcher = () => {
  const { t, language } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      <span className="language-label" aria-hidden="true">
        {t('language.label')}:
      </span>
      {UI_LANGUAGES.map((code: Language) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-button"
          aria-pressed={code === language}
          onClick={() => void changeLanguage(code)}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </div>
  );
};

export const App = () => {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const actor = useActor();
  const path = normalizePath(pathname);
  const nav = [
    ...PUBLIC_NAV,
    ...(actor.kind === 'applicant' ? PARENT_NAV : []),
    ...(actor.kind === 'staff' ? STAFF_NAV : []),
  ];
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  // After an in-app navigation, move focus to the new page's heading, as a full page load would reset it.
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    window.scrollTo(0, 0);
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    heading?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              K
            </span>
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitcher />
            <SessionBar />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container nav-list">
            {nav.map((route) => (
              <li key={route.path}>
                <Link
                  to={route.path}
                  className="nav-link"
                  aria-current={route.path === path ? 'page' : undefined}
                >
                  {t(route.nav)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container main">
        <Page pathname={path} />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p>{t('footer.about')}</p>
          <p>{t('footer.data')}</p>
          <p>
            <a href="https://www.apache.org/licenses/LICENSE-2.0" rel="license noopener">
              {t('footer.license')}
            </a>
          </p>
        </div>
      </footer>
    </>
  );
};
