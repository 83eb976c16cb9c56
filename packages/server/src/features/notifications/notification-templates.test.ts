import { localDate } from '@kezek/domain';
import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_EVENTS,
  NOTIFICATION_LANGUAGES,
  renderNotification,
  storeParams,
  TEMPLATES,
  type NotificationEvent,
} from './notification-templates';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const events = Object.keys(NOTIFICATION_EVENTS) as NotificationEvent[];

/** The events R-NOTIF-03 requires and R-NOTIF-04 chooses, by the name the code gives them. */
const REQUIRED_BY_RULES: Record<string, NotificationEvent> = {
  'R-NOTIF-03 queuing with the queue number (§5, §6)': 'queued',
  'R-NOTIF-03 reasoned refusal (§6, §32)': 'rejected',
  'R-NOTIF-03 result date/time (§5 ¶3)': 'applicationReceived',
  'R-NOTIF-03 proactive request (§7(1))': 'proactiveOffer',
  'R-NOTIF-03 change of application (§23(1))': 'applicationChanged',
  'R-NOTIF-03 change of referral (§23(1))': 'referralChanged',
  'R-NOTIF-03 referral cancelled on a revoked place (§25(2))': 'referralRevoked',
  'R-NOTIF-04 verification requested': 'verificationRequested',
  'R-NOTIF-04 verification confirmed': 'verificationConfirmed',
  'R-NOTIF-04 verification failed': 'verificationFailed',
  'R-NOTIF-04 new position after a privilege change': 'positionChanged',
  'R-NOTIF-04 window opened (with its end)': 'windowOpened',
  'R-NOTIF-04 referral issued (deadlines)': 'referralIssued',
  'R-NOTIF-04 referral issued, documents to show by a date (R-REF-07)': 'referralToConfirm',
  'R-NOTIF-04 referral issued to an early-booked place (R-KG-04)': 'referralWaiting',
  'R-NOTIF-04 referral running': 'referralRunning',
  'R-NOTIF-04 referral extended': 'referralExtended',
  'R-NOTIF-04 referral expired': 'referralExpired',
  'R-NOTIF-04 referral refused': 'referralRefused',
  'R-NOTIF-04 admission': 'admitted',
  'R-NOTIF-04 stop list on': 'stopListOn',
  'R-NOTIF-04 stop list off': 'stopListOff',
  'R-NOTIF-04 archiving': 'archived',
  'R-NOTIF-04 interest due': 'interestDue',
};

describe('notification templates (R-NOTIF-03, R-NOTIF-04)', () => {
  it.each(Object.entries(REQUIRED_BY_RULES))('has an event for %s', (_rule, event) => {
    expect(events).toContain(event);
  });

  it('has exactly one template set per event', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...events].sort());
  });

  describe.each(events)('%s', (event) => {
    const declared = Object.keys(NOTIFICATION_EVENTS[event]).sort();
    it.each(NOTIFICATION_LANGUAGES)('has a %s text using every placeholder and no other', (language) => {
      const template = (TEMPLATES as Partial<typeof TEMPLATES>)[event]?.[language];
      expect(template?.subject.trim()).toBeTruthy();
      expect(template?.text.trim()).toBeTruthy();
      expect([...new Set(placeholders(template?.text ?? ''))].sort()).toEqual(declared);
      expect(placeholders(template?.subject ?? '')).toEqual([]);
    });

    it('reads as the right language: Kazakh letters in kk, none in ru, Latin in en', () => {
      const kazakhOnly = /[әғқңөұүһі]/i;
      expect(TEMPLATES[event].kk.text).toMatch(/[а-я]/i);
      expect(TEMPLATES[event].ru.text.replace('Кезек', '')).not.toMatch(kazakhOnly);
      expect(TEMPLATES[event].en.text.replace(/\{\w+\}/g, '').replace('Kezek', '')).not.toMatch(
        /[а-яәғқңөұүһі]/i,
      );
    });
  });
});

describe('renderNotification', () => {
  it('fills placeholders, with instants and dates in Kazakhstan national time', () => {
    const params = storeParams<'referralIssued'>({
      applicationNumber: '2026-751110-000042',
      kindergarten: { kk: '«Балдырған» бөбекжайы', ru: 'Ясли-сад «Балдырган»', en: 'Baldyrgan nursery' },
      cancelBy: new Date('2026-03-05T13:00:00Z'),
      validUntil: localDate('2026-03-11'),
    });
    expect(renderNotification('referralIssued', 'kk', params)).toEqual({
      ok: true,
      subject: 'Жолдама берілді',
      text: 'Кезек: №2026-751110-000042 өтініш бойынша балабақшаға жолдама берілді. Балабақша: «Балдырған» бөбекжайы. Бас тарту мерзімі: 05.03.2026 18:00 дейін. Жолдама 11.03.2026 қоса алғанда жарамды.',
    });
    const ru = renderNotification('referralIssued', 'ru', params);
    expect(ru.ok && ru.text).toContain(
      'Детский сад: Ясли-сад «Балдырган». Отказаться можно до 05.03.2026 18:00.',
    );
  });

  it('uses UTC+6 before 1 March 2024', () => {
    const params = storeParams<'windowOpened'>({
      applicationNumber: '1',
      windowEndsAt: new Date('2024-02-01T01:00:00Z'),
    });
    const rendered = renderNotification('windowOpened', 'ru', params);
    expect(rendered.ok && rendered.text).toContain('до 01.02.2024 07:00');
  });

  it('refuses a missing or malformed placeholder instead of sending a hole', () => {
    expect(renderNotification('queued', 'kk', { applicationNumber: '1', queue: 'general' })).toEqual({
      ok: false,
      error: 'queued: placeholder {position} missing or not a number',
    });
    expect(
      renderNotification('interestDue', 'kk', { applicationNumber: '1', confirmBy: '2026-02-30' }).ok,
    ).toBe(false);
  });

  it('keeps every Kazakh and Russian SMS within ten segments with long values', () => {
    const long = 'Ж'.repeat(60);
    for (const event of events) {
      const params = Object.fromEntries(
        Object.entries(NOTIFICATION_EVENTS[event]).map(([name, kind]) => [
          name,
          kind === 'number'
            ? 12345
            : kind === 'instant'
              ? '2026-03-05T13:00:00Z'
              : kind === 'date'
                ? '2026-03-11'
                : long,
        ]),
      );
      for (const language of ['kk', 'ru'] as const) {
        const rendered = renderNotification(event, language, params);
        expect(rendered.ok && rendered.text.length).toBeLessThanOrEqual(670);
      }
    }
  });
});
