import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/app-error';
import { createLogger } from '../platform/logger';
import { createApp } from './app';
import { createRouter } from './openapi-app';

const echo = createRoute({
  method: 'post',
  path: '/api/echo',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ child: z.object({ birthDate: z.iso.date() }) }) } },
    },
  },
  responses: { 200: { description: 'echo' } },
});

const router = createRouter().openapi(echo, (c) => c.json(c.req.valid('json'), 200));
router.get('/api/boom', () => {
  throw new Error('secret internals');
});
router.get('/api/refused', () => {
  throw new AppError('RULE_VIOLATION', 'The child is older than 6 on 1 September', {
    field: 'child.birthDate',
    rule: 'R-ELIG-02',
  });
});

const lines: string[] = [];
const app = createApp({
  log: createLogger('info', (line) => lines.push(line)),
  bodyLimitBytes: 200,
  version: 'test',
  routers: [router],
});

const post = (body: string, type = 'application/json') =>
  app.request('/api/echo', { method: 'POST', body, headers: { 'content-type': type } });

describe('HTTP edge: every bad request gets a clear 4xx with the error body', () => {
  it.each([
    ['malformed JSON', () => post('{"child":'), 400, 'MALFORMED_JSON', 'body'],
    [
      'wrong content type',
      () => post('child=1', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'content-type',
    ],
    [
      'oversize body',
      () => post(JSON.stringify({ child: { birthDate: 'x'.repeat(500) } })),
      413,
      'PAYLOAD_TOO_LARGE',
      'body',
    ],
    ['missing field', () => post('{"child":{}}'), 400, 'VALIDATION_FAILED', 'child.birthDate'],
    [
      'invalid date',
      () => post('{"child":{"birthDate":"2022-02-30"}}'),
      400,
      'VALIDATION_FAILED',
      'child.birthDate',
    ],
    ['unknown route', () => app.request('/api/nothing-here'), 404, 'NOT_FOUND', undefined],
    ['wrong method', () => app.request('/api/echo'), 405, 'METHOD_NOT_ALLOWED', undefined],
  ] as const)('%s → %i %s', async (_name, send, status, code, field) => {
    const response = await send();
    expect(response.status).toBe(status);
    const body = (await response.json()) as {
      error: { code: string; field?: string; message: string; requestId: string };
    };
    expect(body.error.code).toBe(code);
    expect(body.error.field).toBe(field);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('a 405 names the allowed methods', async () => {
    const response = await app.request('/api/echo', { method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('a rule refusal carries the rule ID', async () => {
    const response = await app.request('/api/refused');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: { code: 'RULE_VIOLATION', field: 'child.birthDate', rule: 'R-ELIG-02' },
    });
  });

  it('an unexpected error is a 500 that hides internals and is logged with the request ID', async () => {
    const response = await app.request('/api/boom', { headers: { 'x-request-id': 'req-12345678' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internals');
    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === 'unhandled error');
    expect(logged).toMatchObject({ requestId: 'req-12345678', level: 'error' });
  });

  it('a valid request passes and is access-logged as one JSON line', async () => {
    const response = await post('{"child":{"birthDate":"2022-02-28"}}');
    expect(response.status).toBe(200);
    const access = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'request');
    expect(access.at(-1)).toMatchObject({ method: 'POST', path: '/api/echo', status: 200 });
  });

  it('publishes OpenAPI 3.1 generated from the contracts', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/echo');
  });
});

describe('a lost race on a uniqueness rule', () => {
  it('is a 409 CONFLICT to retry, not a 500', async () => {
    const racing = createRouter();
    racing.get('/api/race', () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "applicants_iin_key"'), {
        code: '23505',
      });
    });
    const raceApp = createApp({
      log: createLogger('silent'),
      bodyLimitBytes: 200,
      version: 'test',
      routers: [racing],
    });
    const response = await raceApp.request('/api/race');
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
  });
});
