import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('names the parameters of a matching path', () => {
    expect(matchPath('/my/applications/:id', '/my/applications/abc-1')).toEqual({ id: 'abc-1' });
    expect(matchPath('/clerk', '/clerk')).toEqual({});
  });

  it('refuses other shapes, empty parameters and malformed escapes', () => {
    expect(matchPath('/my/applications/:id', '/my/applications')).toBeUndefined();
    expect(matchPath('/my/applications/:id', '/my/applications/')).toBeUndefined();
    expect(matchPath('/my/applications/:id', '/my/other/x')).toBeUndefined();
    expect(matchPath('/my/applications/:id', '/my/applications/%E0%A4%A')).toBeUndefined();
  });
});
