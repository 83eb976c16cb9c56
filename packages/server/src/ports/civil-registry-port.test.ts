import { instantFromEpochMs, localDateOf, parseIin } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import { DevCivilRegistry, HttpCivilRegistry } from './civil-registry-port';
import { normalizeKzMobile } from './sms-port';
import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from './testing/fake-http-server';

const log = createLogger('silent');
const HOUR = 3_600_000;

describe('DevCivilRegistry', () => {
  const options = { latencyMs: [0, 0] as const, intervalMinutes: 60, seed: 's1' };

  it('starts a day back, then pages forward as the clock moves, each event once and in order', async () => {
    const clock = manualClock(new Date('2026-03-02T05:30:00Z'));
    const registry = new DevCivilRegistry(clock, log, options);
    const first = await registry.pollBirthEvents(null);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.events).toHaveLength(24);
    const times = first.value.events.map((e) => e.registeredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(clock.now().getTime());

    const idle = await registry.pollBirthEvents(first.value.cursor);
    expect(idle).toEqual({ ok: true, value: { events: [], cursor: first.value.cursor } });

    clock.advance(3 * HOUR);
    const later = await registry.pollBirthEvents(first.value.cursor);
    expect(later.ok && later.value.events.map((e) => e.eventId)).toHaveLength(3);
    const seen = [...first.value.events, ...(later.ok ? later.value.events : [])].map((e) => e.eventId);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('produces realistic events: valid IINs matching the birth date, KATO settlements, KZ mobiles', async () => {
    const clock = manualClock(new Date('2026-03-02T05:30:00Z'));
    const result = await new DevCivilRegistry(clock, log, {
      ...options,
      intervalMinutes: 10,
    }).pollBirthEvents(null);
    const events = result.ok ? result.value.events : [];
    expect(events.length).toBe(100); // page size
    for (const event of events) {
      const child = parseIin(event.childIin);
      expect(child.ok && child.value.birthDate).toBe(event.birthDate);
      expect(parseIin(event.parentIin).ok).toBe(true);
      expect(event.birthDate <= localDateOf(instantFromEpochMs(event.registeredAt.getTime()))).toBe(true);
      expect(['751110000', '751310000']).toContain(event.settlementKato);
      if (event.parentMobile !== null) expect(normalizeKzMobile(event.parentMobile)).toBe(event.parentMobile);
    }
    expect(events.some((e) => e.parentMobile === null)).toBe(true);
    expect(events.some((e) => e.oneApplication)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const at = new Date('2026-03-02T05:30:00Z');
    const poll = (seed: string) =>
      new DevCivilRegistry(manualClock(at), log, { ...options, seed }).pollBirthEvents(null);
    expect(await poll('a')).toEqual(await poll('a'));
    expect(await poll('a')).not.toEqual(await poll('b'));
  });

  it('refuses a cursor it did not issue', async () => {
    const registry = new DevCivilRegistry(manualClock(new Date()), log, options);
    expect(await registry.pollBirthEvents('abc')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('HttpCivilRegistry (against a local feed)', () => {
  let server: FakeHttpServer;
  let next: FakeResponse;
  beforeAll(async () => {
    server = await startFakeHttpServer(() => next);
  });
  afterAll(() => server.close());
  const event = {
    eventId: 'e-1',
    registeredAt: '2026-03-02T10:00:00+05:00',
    childIin: '260301500011',
    birthDate: '2026-03-01',
    parentIin: '950101400012',
    settlementKato: '751110000',
    parentMobile: '+77011234567',
    oneApplication: true,
  };

  it('pages with the cursor and a bearer token, mapping events', async () => {
    const registry = new HttpCivilRegistry({ url: server.url, token: 't0k', timeoutMs: 5000 });
    next = { json: { events: [event], cursor: 'c-42' } };
    const result = await registry.pollBirthEvents('c-41');
    expect(result).toEqual({
      ok: true,
      value: { events: [{ ...event, registeredAt: new Date('2026-03-02T05:00:00Z') }], cursor: 'c-42' },
    });
    expect(server.requests.at(-1)?.url).toBe('/birth-events?limit=100&after=c-41');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer t0k');
  });

  it('rejects events with invalid IINs and maps outages as retryable', async () => {
    const registry = new HttpCivilRegistry({ url: server.url, token: 't', timeoutMs: 5000 });
    next = { json: { events: [{ ...event, childIin: '123456789012' }], cursor: 'x' } };
    expect(await registry.pollBirthEvents(null)).toMatchObject({
      ok: false,
      error: { code: 'BAD_RESPONSE' },
    });
    next = { status: 503, text: 'maintenance' };
    expect(await registry.pollBirthEvents(null)).toMatchObject({ ok: false, error: { retryable: true } });
  });
});
