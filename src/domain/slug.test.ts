import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from './slug.js';

describe('workspace slugs', () => {
  it('turns names into readable slugs', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('Café Crème — Client #2')).toBe('cafe-creme-client-2');
    expect(slugify('!!!')).toBe('workspace');
  });

  it('refuses ids, uppercase and edge dashes', () => {
    expect(isValidSlug('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe(false);
    expect(isValidSlug('Acme')).toBe(false);
    expect(isValidSlug('-acme')).toBe(false);
    expect(isValidSlug('acme-')).toBe(false);
    expect(isValidSlug('a')).toBe(true);
  });

  it('always produces a valid slug from any name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        expect(isValidSlug(slugify(name))).toBe(true);
      }),
    );
  });
});
