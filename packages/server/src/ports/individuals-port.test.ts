import { localDate, makeIin } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import { devChildIin, DevIndividualsRegistry, ShepIndividualsRegistry } from './individuals-port';
import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from './testing/fake-http-server';

const log = createLogger('silent');
const instant = { latencyMs: [0, 0] } as const;
const boy = makeIin(localDate('2021-05-14'), 'male', 123);
const girl = makeIin(localDate('2022-11-30'), 'female', 4567);

const today = manualClock(new Date('2026-03-02T05:00:00Z'));

describe('DevIndividualsRegistry', () => {
  const registry = new DevIndividualsRegistry(today, log, instant);

  it('derives birth date and sex from the IIN and a stable, plausible name', async () => {
    const first = await registry.lookup(boy);
    expect(first).toMatchObject({ ok: true, value: { iin: boy, birthDate: '2021-05-14', sex: 'male' } });
    expect(await registry.lookup(boy)).toEqual(first);
    const her = await registry.lookup(girl);
    expect(her.ok && her.value).toMatchObject({ birthDate: '2022-11-30', sex: 'female' });
    if (!her.ok) return;
    expect(her.value.surname).toMatch(/^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$/);
    expect(her.value.patronymic).toMatch(/(қызы|овна|евна|ьевна)$/);
  });

  it.each([
    ['12345', 'format'],
    ['211514350123', 'date'],
    [`${boy.slice(0, 11)}${(Number(boy[11]) + 1) % 10}`, 'checksum'],
  ])('refuses the invalid IIN %s with a clear message', async (iin, why) => {
    const result = await registry.lookup(iin);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    if (!result.ok) expect(result.error.message).toMatch(why === 'format' ? /12 digits/ : /IIN/);
  });

  it('does not know serial 9999 or the IINs it is told to forget', async () => {
    const unknown = makeIin(localDate('2020-01-02'), 'female', 9999);
    expect(unknown.slice(7, 11)).toBe('9999');
    expect(await registry.lookup(unknown)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const forgetful = new DevIndividualsRegistry(today, log, { ...instant, unknownIins: [girl] });
    expect(await forgetful.lookup(girl)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await forgetful.lookup(boy)).ok).toBe(true);
  });

  it("R-ELIG-11: knows a parent's children and only those, and lists two of preschool age", async () => {
    const mother = makeIin(localDate('1992-07-01'), 'female', 321);
    const son = devChildIin(mother, localDate('2022-02-02'), 'male');
    expect(await registry.isParentOf(mother, son)).toEqual({ ok: true, value: true });
    expect(await registry.isParentOf(mother, boy)).toEqual({ ok: true, value: false });
    expect(await registry.isParentOf(mother, '123')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const listed = await registry.childrenOf(mother);
    if (!listed.ok) throw new Error('expected the children');
    expect(listed.value).toHaveLength(2);
    for (const child of listed.value) {
      expect(await registry.isParentOf(mother, child.iin)).toEqual({ ok: true, value: true });
      expect(child.birthDate > '2021-09-01' && child.birthDate < '2025-09-01').toBe(true);
    }
    expect(await registry.childrenOf(mother)).toEqual(listed);
  });

  it('simulates latency within the range and transient failures at the configured rate', async () => {
    const waits: number[] = [];
    const flaky = new DevIndividualsRegistry(today, log, {
      latencyMs: [20, 80],
      failureRate: 0.3,
      seed: 'test',
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    const results = await Promise.all(Array.from({ length: 200 }, () => flaky.lookup(boy)));
    const failures = results.filter((r) => !r.ok);
    expect(failures.length).toBeGreaterThan(30);
    expect(failures.length).toBeLessThan(90);
    expect(failures[0]).toMatchObject({ error: { code: 'UNAVAILABLE', retryable: true } });
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...waits)).toBeLessThanOrEqual(80);
  });

  it('warns once that a development adapter is in use', () => {
    const lines: string[] = [];
    new DevIndividualsRegistry(
      today,
      createLogger('warn', (line) => lines.push(line)),
      instant,
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'development adapter in use',
      adapter: 'DevIndividualsRegistry',
    });
  });
});

describe('ShepIndividualsRegistry (against a local gateway)', () => {
  let server: FakeHttpServer;
  let next: FakeResponse;
  const clock = manualClock(new Date('2026-03-02T05:00:00Z'));
  const registry = () =>
    new ShepIndividualsRegistry(
      {
        url: `${server.url}/shep/`,
        senderId: 'kezek',
        password: 's3cret',
        serviceId: 'GBDFL',
        childrenServiceId: 'GBDFL_CHILDREN',
        timeoutMs: 2000,
      },
      clock,
    );
  const success = (person: unknown) => ({
    json: {
      responseInfo: { messageId: 'm1', status: { code: 'SCSS001', message: 'ok' } },
      responseData: { data: { person } },
    },
  });
  beforeAll(async () => {
    server = await startFakeHttpServer(() => next);
  });
  afterAll(() => server.close());

  it('sends the gateway envelope with credentials and maps the person', async () => {
    next = success({
      iin: boy,
      surname: 'Ахметов',
      name: 'Алихан',
      patronymic: 'Нұрланұлы',
      birthDate: '2021-05-14',
      gender: 'MALE',
    });
    const result = await registry().lookup(boy);
    expect(result).toEqual({
      ok: true,
      value: {
        iin: boy,
        surname: 'Ахметов',
        givenName: 'Алихан',
        patronymic: 'Нұрланұлы',
        birthDate: '2021-05-14',
        sex: 'male',
      },
    });
    const request = server.requests.at(-1);
    expect(request?.url).toBe('/shep/sync');
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      requestInfo: {
        serviceId: 'GBDFL',
        messageDate: '2026-03-02T05:00:00.000Z',
        sender: { senderId: 'kezek', password: 's3cret' },
      },
      requestData: { data: { iin: boy } },
    });
  });

  it.each<[string, FakeResponse, string, boolean]>([
    ['no person', success(null), 'NOT_FOUND', false],
    [
      'a gateway status other than success',
      { json: { responseInfo: { messageId: 'm', status: { code: 'SE002', message: 'denied' } } } },
      'REJECTED',
      false,
    ],
    ['a server error', { status: 502, text: 'bad gateway' }, 'UNAVAILABLE', true],
    ['throttling', { status: 429, text: 'slow down' }, 'UNAVAILABLE', true],
    ['a timeout', { delayMs: 4000, json: {} }, 'UNAVAILABLE', true],
    ['an answer that is not JSON', { text: '<html>' }, 'BAD_RESPONSE', false],
    ['an answer of another shape', { json: { hello: 'world' } }, 'BAD_RESPONSE', false],
    [
      'an answer about somebody else',
      success({ iin: girl, surname: 'А', name: 'Б', birthDate: '2022-11-30', gender: 'FEMALE' }),
      'BAD_RESPONSE',
      false,
    ],
  ])('maps %s', async (_what, response, code, retryable) => {
    next = response;
    expect(await registry().lookup(boy)).toMatchObject({ ok: false, error: { code, retryable } });
  });

  it("R-ELIG-11: asks the children service for a parent's children and checks a child among them", async () => {
    const child = { iin: girl, surname: 'Ахметова', name: 'Айша', birthDate: '2022-11-30', gender: 'FEMALE' };
    next = { json: { ...success(null).json, responseData: { data: { children: [child] } } } };
    expect(await registry().isParentOf(boy, girl)).toEqual({ ok: true, value: true });
    expect(JSON.parse(server.requests.at(-1)?.body ?? '{}')).toMatchObject({
      requestInfo: { serviceId: 'GBDFL_CHILDREN' },
      requestData: { data: { iin: boy } },
    });
    expect(await registry().isParentOf(boy, boy)).toEqual({ ok: true, value: false });
    next = {
      json: { ...success(null).json, responseData: { data: { children: [{ ...child, iin: '1' }] } } },
    };
    expect(await registry().childrenOf(boy)).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });

  it('never calls the gateway with an invalid IIN', async () => {
    const before = server.requests.length;
    expect(await registry().lookup('000000000000')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(server.requests).toHaveLength(before);
  });

  it('reports an unreachable gateway as retryable', async () => {
    const offline = new ShepIndividualsRegistry(
      {
        url: 'http://127.0.0.1:1',
        senderId: 'k',
        password: 'p',
        serviceId: 'S',
        childrenServiceId: 'C',
        timeoutMs: 500,
      },
      clock,
    );
    expect(await offline.lookup(boy)).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', retryable: true },
    });
  });
});
