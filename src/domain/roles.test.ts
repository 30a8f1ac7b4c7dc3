import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES } from './roles.js';

describe('roles', () => {
  it('gives the owner every permission', () => {
    for (const p of PERMISSIONS) expect(can('owner', p)).toBe(true);
  });

  it('lets product managers shape products but not manage members', () => {
    expect(can('product_manager', 'product.write')).toBe(true);
    expect(can('product_manager', 'product.stage')).toBe(true);
    expect(can('product_manager', 'members.manage')).toBe(false);
  });

  it('lets everyone read, and viewers nothing more', () => {
    for (const role of ROLES) {
      expect(can(role, 'product.read')).toBe(true);
      expect(can(role, 'activity.read')).toBe(true);
    }
    expect(PERMISSIONS.filter((p) => can('viewer', p)).every((p) => p.endsWith('.read'))).toBe(true);
  });
});
