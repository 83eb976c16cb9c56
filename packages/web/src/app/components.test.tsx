import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { PositionTimeline } from '../features/parent/position-timeline';
import { SlaTimer } from '../features/clerk/sla-timer';
import { initI18n } from '../i18n';
import { ApiError } from '../api/client';
import { Field, FormError } from './form';

/** Component tests: real components rendered to HTML with the real messages, in Node. */
beforeAll(async () => {
  await initI18n();
});

const inLanguage = async (language: 'kk' | 'ru' | 'en', render: () => string): Promise<string> => {
  await i18next.changeLanguage(language);
  return render();
};

const NOW = Date.parse('2026-03-02T10:00:00+05:00');

describe('SlaTimer', () => {
  it.each([
    ['2026-03-02T10:01:00+05:00', 'Осталось 1 минута'],
    ['2026-03-02T10:03:00+05:00', 'Осталось 3 минуты'],
    ['2026-03-02T10:05:00+05:00', 'Осталось 5 минут'],
    ['2026-03-02T10:21:00+05:00', 'Осталось 21 минута'],
    ['2026-03-04T12:00:00+05:00', 'Осталось 2 дня 2 часа'],
    ['2026-03-02T09:48:00+05:00', 'Просрочено на 12 минут'],
  ])(
    'R-TIME-05: in Russian, a deadline of %s reads "%s" (plural forms one / few / many)',
    async (due, text) => {
      const html = await inLanguage('ru', () => renderToStaticMarkup(<SlaTimer due={due} now={NOW} />));
      expect(html).toContain(`>${text}<`);
    },
  );

  it('marks an overdue check for styling and tests, in Kazakh by default', async () => {
    const html = await inLanguage('kk', () =>
      renderToStaticMarkup(<SlaTimer due="2026-03-02T09:30:00+05:00" now={NOW} />),
    );
    expect(html).toBe('<span class="sla sla-overdue" data-overdue="true">30 минут кешікті</span>');
  });
});

describe('PositionTimeline', () => {
  const history = {
    applicationId: '00000000-0000-4000-8000-000000000001',
    changes: [
      {
        at: '2026-03-02T18:00:00+05:00',
        kind: 'referredAhead',
        count: 2,
        rule: 'R-ORDER-09',
        message: 'two ahead were referred',
        positionBefore: 7,
        positionAfter: 5,
      },
      {
        at: '2026-03-01T10:00:00+05:00',
        kind: 'someFutureKind',
        count: 1,
        rule: 'R-ORDER-01',
        message: 'new',
        positionBefore: null,
        positionAfter: 7,
      },
    ],
  };

  it('explains each change in the user’s language with the places and the rule, never the server’s words', async () => {
    const html = await inLanguage('en', () => renderToStaticMarkup(<PositionTimeline history={history} />));
    expect(html).toContain('Children ahead of you received a referral: 2');
    expect(html).toContain('Place 7 → 5');
    expect(html).toContain('R-ORDER-09');
    expect(html).toContain('2 March 2026 at 18:00');
    expect(html).toContain('Other changes in the queue');
    expect(html).toContain('Place — → 7');
    expect(html).not.toContain('two ahead were referred');
  });

  it('has an empty state', async () => {
    const html = await inLanguage('kk', () =>
      renderToStaticMarkup(<PositionTimeline history={{ ...history, changes: [] }} />),
    );
    expect(html).toContain('Әзірге өзгеріс жоқ.');
  });
});

describe('Field and FormError', () => {
  it('ties the label, hint and error to the control and marks it invalid', async () => {
    const html = await inLanguage('kk', () =>
      renderToStaticMarkup(
        <Field label="IIN" hint="12 digits" error="Wrong">
          {(props) => <input {...props} name="iin" />}
        </Field>,
      ),
    );
    const id = /<input id="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(id).not.toBe('');
    expect(html).toContain(`<label for="${id}">IIN</label>`);
    expect(html).toContain(`aria-describedby="${id}-hint ${id}-error"`);
    expect(html).toContain('aria-invalid="true"');
  });

  it('R-ELIG-11: a refusal by a rule the UI knows is explained in words; another rule is named by its ID', async () => {
    const known = new ApiError({ status: 422, code: 'RULE_VIOLATION', message: 'x', rule: 'R-ELIG-11' });
    const other = new ApiError({ status: 422, code: 'RULE_VIOLATION', message: 'x', rule: 'R-WIN-06' });
    const ru = await inLanguage('ru', () => renderToStaticMarkup(<FormError error={known} />));
    expect(ru).toContain('вы не записаны родителем этого ребёнка');
    const en = await inLanguage('en', () => renderToStaticMarkup(<FormError error={other} />));
    expect(en).toContain('The rules of the service do not allow this. (rule R-WIN-06)');
    expect(en).not.toContain('>x<');
  });
});
