import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import { DevSmsGateway, HttpSmsGateway, normalizeKzMobile } from './sms-port';
import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from './testing/fake-http-server';

const log = createLogger('silent');
const clock = manualClock(new Date('2026-03-02T05:00:00Z'));

describe('Kazakhstan mobile numbers', () => {
  it.each([
    ['+77011234567', '+77011234567'],
    ['+7 701 234 56 78', '+77012345678'],
    ['8 (747) 123-45-67', '+77471234567'],
    ['87781234567', '+77781234567'],
    ['+77272123456', undefined], // Almaty landline
    ['+79161234567', undefined], // Russian mobile
    ['+7701123456', undefined],
    ['hello', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeKzMobile(input)).toBe(expected);
  });
});

describe('DevSmsGateway', () => {
  it('records and logs what it would send', async () => {
    const lines: string[] = [];
    const gateway = new DevSmsGateway(
      clock,
      createLogger('info', (line) => lines.push(line)),
      {
        latencyMs: [0, 0],
      },
    );
    const result = await gateway.send({ to: '+77011234567', text: 'Өтініш №1 кезекке қойылды' });
    expect(result).toEqual({ ok: true, value: { providerMessageId: 'dev-sms-1' } });
    expect(gateway.sent).toEqual([
      {
        to: '+77011234567',
        text: 'Өтініш №1 кезекке қойылды',
        providerMessageId: 'dev-sms-1',
        at: clock.now(),
      },
    ]);
    expect(lines.some((line) => line.includes('development adapter in use'))).toBe(true);
    expect(lines.some((line) => line.includes('Өтініш №1'))).toBe(true);
  });

  it.each([
    ['a landline', { to: '+77272123456', text: 'x' }],
    ['an unnormalised number', { to: '8 701 123 45 67', text: 'x' }],
    ['empty text', { to: '+77011234567', text: '  ' }],
    ['text over ten segments', { to: '+77011234567', text: 'ә'.repeat(671) }],
  ])('refuses %s, not retryable', async (_what, message) => {
    const gateway = new DevSmsGateway(clock, log, { latencyMs: [0, 0] });
    expect(await gateway.send(message)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', retryable: false },
    });
    expect(gateway.sent).toEqual([]);
  });

  it('fails transiently at the configured rate, retryable, without recording', async () => {
    const gateway = new DevSmsGateway(clock, log, { latencyMs: [0, 0], failureRate: 1 });
    expect(await gateway.send({ to: '+77011234567', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', retryable: true },
    });
    expect(gateway.sent).toEqual([]);
  });
});

describe('HttpSmsGateway (against a local gateway)', () => {
  let server: FakeHttpServer;
  let next: FakeResponse;
  beforeAll(async () => {
    server = await startFakeHttpServer(() => next);
  });
  afterAll(() => server.close());
  const gateway = () =>
    new HttpSmsGateway({ url: `${server.url}/api/sms`, token: 'tok', sender: 'KEZEK', timeoutMs: 5000 });

  it('posts the message with the token and returns the provider ID', async () => {
    next = { json: { id: 98765 } };
    expect(await gateway().send({ to: '+77011234567', text: 'Сәлем' })).toEqual({
      ok: true,
      value: { providerMessageId: '98765' },
    });
    const request = server.requests.at(-1);
    expect(request?.url).toBe('/api/sms');
    expect(request?.headers.authorization).toBe('Bearer tok');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({ to: '+77011234567', text: 'Сәлем', sender: 'KEZEK' });
  });

  it('tells retryable outages from permanent refusals', async () => {
    next = { status: 503, text: 'busy' };
    expect(await gateway().send({ to: '+77011234567', text: 'x' })).toMatchObject({
      error: { retryable: true },
    });
    next = { status: 400, text: 'blocked number' };
    const refused = await gateway().send({ to: '+77011234567', text: 'x' });
    expect(refused).toMatchObject({ error: { code: 'REJECTED', retryable: false } });
    expect(!refused.ok && refused.error.message).toContain('blocked number');
  });
});
