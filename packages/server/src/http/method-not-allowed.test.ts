import { describe, expect, it } from 'vitest';
import { allowedMethods } from './method-not-allowed';

const routes = [
  { method: 'GET', path: '/api/applications/:id' },
  { method: 'PATCH', path: '/api/applications/:id' },
  { method: 'ALL', path: '/api/*' },
  { method: 'POST', path: '/api/applications' },
];

describe('allowedMethods', () => {
  it.each([
    ['/api/applications/42', ['GET', 'PATCH']],
    ['/api/applications', ['POST']],
    ['/api/applications/42/history', []],
    ['/api/other', []],
  ])('%s → %j', (path, expected) => {
    expect(allowedMethods(routes, path)).toEqual(expected);
  });
});
