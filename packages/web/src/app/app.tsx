import { useEffect, useRef, useState } from 'react';
import type { Language } from '@kezek/contracts';
import { NotFoundPage } from '../features/public/not-found-page';
import { changeLanguage, useI18n } from '../i18n';
import { UI_LANGUAGES } from '../i18n/language';
import { navFor, renderPath } from './areas';
import { Link, navigate, useLocation } from './router';
import { useActor, useSession } from './session';

/** Trailing slashes are tolerated so `/kindergartens/` is the same page. */
const normalizePath = (pathname: string): string =>
  pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;

/** A one-time password is changed first: until then a staff member sees only that page, wherever they go. */
const PASSWORD_PAGE = '/staff/password';

const Page = ({ pathname }: { pathname: string }) => {
  const actor = useActor();
  const path = actor.kind === 'staff' && actor.mustChangePassword ? PASSWORD_PAGE : pathname;
  return renderPath(path) ?? <NotFoundPage />;
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
      {actor.kind === 'staff' && (
        <Link to={PASSWORD_PAGE} className="session-link">
          {t('account.link')}
        </Link>
      )}
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
  const nav = navFor(actor);
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);
  // On a phone the menu folds behind a button; it closes again once a page is chosen.
  const [menuOpen, setMenuOpen] = useState(false);

  // After an in-app navigation, move focus to the new page's heading, as a full page load would reset it.
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    setMenuOpen(false);
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
        <nav className="site-nav" aria-label={t('nav.label')} data-open={menuOpen}>
          <div className="container nav-toggle-row">
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={menuOpen}
              aria-controls="site-nav-list"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('nav.menu')}
            </button>
          </div>
          <ul className="container nav-list" id="site-nav-list">
            {nav.map((route) => (
              <li key={route.path}>
                <Link
                  to={route.path}
                  className="nav-link"
                  aria-current={route.path === path ? 'page' : undefined}
                >
                  {t(route.label)}
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
