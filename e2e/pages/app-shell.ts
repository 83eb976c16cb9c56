import type { Locator, Page } from 'playwright-core';

export type UiLanguage = 'kk' | 'ru' | 'en';

const LANGUAGE_BUTTON: Record<UiLanguage, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The header, navigation and footer shared by every page. */
export class AppShell {
  readonly main: Locator;
  readonly heading: Locator;
  readonly skipLink: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator('main#main');
    this.heading = this.main.locator('h1');
    this.skipLink = page.locator('a.skip-link');
  }

  languageButton(language: UiLanguage): Locator {
    return this.page.locator(`.language-switcher button[lang="${language}"]`);
  }

  async switchLanguage(language: UiLanguage): Promise<void> {
    const button = this.languageButton(language);
    await button.click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    if ((await button.getAttribute('aria-pressed')) !== 'true') {
      throw new Error(`the ${LANGUAGE_BUTTON[language]} button is not pressed after switching`);
    }
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  navLink(path: '/' | '/kindergartens'): Locator {
    return this.page.locator(`nav.site-nav a[href="${path}"]`);
  }

  async headingText(): Promise<string> {
    return ((await this.heading.textContent()) ?? '').trim();
  }
}
