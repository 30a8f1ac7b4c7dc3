/**
 * Workspace roles and what each may do. One table, read by the server's policies
 * and by the web app (to hide actions a person cannot take).
 */
export const ROLES = ['owner', 'product_manager', 'product_owner', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.manage',
  'members.read',
  'members.manage',
  'product.read',
  'product.write',
  'product.stage',
  'activity.read',
  'discovery.read',
  'insight.write',
  'customer.write',
  'feature.write',
  'import.run',
  'strategy.read',
  'strategy.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_READ: Permission[] = ['workspace.read', 'members.read', 'product.read', 'activity.read', 'discovery.read', 'strategy.read'];
const DISCOVERY_WRITE: Permission[] = ['insight.write', 'customer.write', 'feature.write', 'import.run'];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  // Objectives and the workspace's scoring rules (ICE variant, custom formula) are the PM's:
  // they set what "important" means for everyone who scores features.
  product_manager: new Set([...ALL_READ, ...DISCOVERY_WRITE, 'product.write', 'product.stage', 'strategy.write']),
  // The PO owns the backlog, defines and prioritises features, and reads strategy;
  // product definition (vision, lifecycle) stays with the PM.
  product_owner: new Set([...ALL_READ, ...DISCOVERY_WRITE]),
  // Developers, designers, support and sales log the feedback they hear.
  contributor: new Set([...ALL_READ, 'insight.write']),
  viewer: new Set(ALL_READ),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** Rank used to order member lists and to compare roles ("at least a PM"). */
export const ROLE_RANK: Record<Role, number> = {
  owner: 0,
  product_manager: 1,
  product_owner: 2,
  contributor: 3,
  viewer: 4,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
