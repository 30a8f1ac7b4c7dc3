import { describe, expect, it } from 'vitest';
import { isLocalPath } from './local-path.js';

describe('isLocalPath (where sign-in may send you back)', () => {
  it('accepts paths of the app', () => {
    expect(isLocalPath('/w/acme/products?stage=build')).toBe(true);
    expect(isLocalPath('/invite/abc')).toBe(true);
  });

  it('refuses other sites and non-strings', () => {
    for (const value of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined, 42]) {
      expect(isLocalPath(value)).toBe(false);
    }
  });
});
