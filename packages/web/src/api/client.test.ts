import { describe, expect, it } from 'vitest';
import { ApiError, buildUrl, parseErrorBody } from './client';

describe('parseErrorBody', () => {
  it('keeps code, message, field and rule of a contract error body', () => {
    const error = parseErrorBody(400, {
      error: { code: 'VALIDATION_FAILED', message: 'page must be ≥ 1', field: 'page', rule: 'R-PAGE-01' },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'page must be ≥ 1',
      field: 'page',
      rule: 'R-PAGE-01',
    });
  });

  it.each([
    ['an HTML page', '<html>Bad gateway</html>', 502, 'INTERNAL'],
    ['no body', undefined, 503, 'UNAVAILABLE'],
    ['an unknown code', { error: { code: 'TEAPOT', message: 'x' } }, 418, 'BAD_RESPONSE'],
    [
      'a zod error of a route without the error mapper',
      { success: false, error: { name: 'ZodError' } },
      400,
      'BAD_RESPONSE',
    ],
    ['a bare 404', null, 404, 'NOT_FOUND'],
  ])('falls back to the HTTP status for %s', (_name, body, status, code) => {
    const error = parseErrorBody(status, body);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.field).toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('drops empty parameters and encodes the rest', () => {
    expect(
      buildUrl('/api/public/kindergartens', { page: 2, district: undefined, q: '', language: 'kk' }),
    ).toBe('/api/public/kindergartens?page=2&language=kk');
    expect(buildUrl('/api/x', { q: 'Ақ бота & Co' })).toBe(
      '/api/x?q=%D0%90%D2%9B+%D0%B1%D0%BE%D1%82%D0%B0+%26+Co',
    );
    expect(buildUrl('/api/x')).toBe('/api/x');
  });
});
