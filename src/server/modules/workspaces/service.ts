import type { Kysely } from 'kysely';
import { can, isRole, type Permission, type Role } from '../../../domain/roles.js';
import { isUuid, isValidSlug, slugify } from '../../../domain/slug.js';
import { prepared } from '../../db/prepared.js';
import type { Database, MembershipRow, WorkspaceRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, forbidden, notFound, versionConflict } from '../../http/errors.js';
import { newId, nowIso } from '../../lib/ids.js';

/** Who is acting, in which workspace, with which role. Every workspace use case takes one. */
export interface Access {
  workspace: WorkspaceRow;
  membership: MembershipRow;
  role: Role;
  actorId: string;
}

export function toWorkspaceDto(w: WorkspaceRow, role: Role) {
  return { id: w.id, slug: w.slug, name: w.name, role, version: w.version, createdAt: w.created_at, updatedAt: w.updated_at };
}

// Every workspace request runs one of these: built once (see db/prepared.ts).
const accessQuery = (column: 'workspaces.id' | 'workspaces.slug') =>
  prepared<{ key: string; userId: string }, AccessLookup>((db, p) =>
    db
      .selectFrom('workspaces')
      .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
      .selectAll('workspaces')
      .select([
        'memberships.id as m_id',
        'memberships.role as m_role',
        'memberships.email as m_email',
        'memberships.version as m_version',
        'memberships.created_at as m_created_at',
        'memberships.updated_at as m_updated_at',
        'memberships.joined_at as m_joined_at',
      ])
      .where(column, '=', p('key'))
      .where('memberships.user_id', '=', p('userId'))
      .where('memberships.status', '=', 'active'),
  );
const accessById = accessQuery('workspaces.id');
const accessBySlug = accessQuery('workspaces.slug');
type AccessLookup = WorkspaceRow & {
  m_id: string;
  m_role: string;
  m_email: string;
  m_version: number;
  m_created_at: string;
  m_updated_at: string;
  m_joined_at: string | null;
};

/**
 * Finds the workspace by id or slug among the caller's memberships. A workspace the caller
 * does not belong to is "not found": its existence is not revealed.
 */
export async function resolveAccess(db: Kysely<Database>, userId: string, idOrSlug: string): Promise<Access> {
  const row = await (isUuid(idOrSlug) ? accessById : accessBySlug).first(db, { key: idOrSlug.toLowerCase(), userId });
  if (!row || !isRole(row.m_role)) throw notFound('This workspace');
  const { m_id, m_role, m_email, m_version, m_created_at, m_updated_at, m_joined_at, ...workspace } = row;
  return {
    workspace,
    role: m_role,
    actorId: userId,
    membership: {
      id: m_id,
      workspace_id: workspace.id,
      user_id: userId,
      email: m_email,
      role: m_role,
      status: 'active',
      invite_token_hash: null,
      invited_by: null,
      invited_at: null,
      joined_at: m_joined_at,
      version: m_version,
      created_at: m_created_at,
      updated_at: m_updated_at,
    },
  };
}

export function authorize(access: Access, permission: Permission): void {
  if (!can(access.role, permission)) throw forbidden(`The ${access.role.replace('_', ' ')} role cannot do this (${permission}).`);
}

export async function listMyWorkspaces(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('workspaces')
    .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
    .selectAll('workspaces')
    .select('memberships.role as role')
    .where('memberships.user_id', '=', userId)
    .where('memberships.status', '=', 'active')
    .orderBy('workspaces.name')
    .orderBy('workspaces.id')
    .execute();
  return rows.map(({ role, ...w }) => toWorkspaceDto(w, isRole(role) ? role : 'viewer'));
}

async function slugExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

async function freeSlugFrom(db: Kysely<Database>, name: string): Promise<string> {
  const base = slugify(name);
  if (isValidSlug(base) && !(await slugExists(db, base))) return base;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base.slice(0, 44)}-${n}`;
    if (!(await slugExists(db, candidate))) return candidate;
  }
  return `${base.slice(0, 30)}-${newId().slice(-12)}`;
}

function checkSlug(slug: string): void {
  if (!isValidSlug(slug)) {
    throw new AppError('validation_failed', 'This slug cannot be used.', {
      errors: [{ path: 'slug', message: 'Use 1–48 lowercase letters, digits or dashes (not an id)' }],
    });
  }
}

export async function createWorkspace(
  db: Kysely<Database>,
  user: { id: string; email: string },
  input: { name: string; slug?: string | undefined },
) {
  if (input.slug !== undefined) checkSlug(input.slug);
  return db.transaction().execute(async (trx) => {
    const slug = input.slug ?? (await freeSlugFrom(trx, input.name));
    if (input.slug !== undefined && (await slugExists(trx, slug))) throw new AppError('slug_taken');
    const now = nowIso();
    const workspace: WorkspaceRow = {
      id: newId(),
      slug,
      name: input.name,
      created_by: user.id,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('workspaces').values(workspace).execute();
    const membershipId = newId();
    await trx
      .insertInto('memberships')
      .values({
        id: membershipId,
        workspace_id: workspace.id,
        user_id: user.id,
        email: user.email,
        role: 'owner',
        status: 'active',
        invite_token_hash: null,
        invited_by: null,
        invited_at: null,
        joined_at: now,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendChange(trx, {
      workspaceId: workspace.id,
      entity: 'workspace',
      entityId: workspace.id,
      action: 'created',
      actorId: user.id,
      changes: diff(null, workspace, ['name', 'slug']),
    });
    return toWorkspaceDto(workspace, 'owner');
  });
}

export async function updateWorkspace(
  db: Kysely<Database>,
  access: Access,
  expectedVersion: number,
  patch: { name?: string | undefined; slug?: string | undefined },
) {
  authorize(access, 'workspace.manage');
  if (patch.slug !== undefined) checkSlug(patch.slug);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('workspaces').selectAll().where('id', '=', access.workspace.id).executeTakeFirstOrThrow();
    if (before.version !== expectedVersion) throw versionConflict(toWorkspaceDto(before, access.role));
    if (patch.slug !== undefined && patch.slug !== before.slug && (await slugExists(trx, patch.slug))) throw new AppError('slug_taken');
    const after: WorkspaceRow = {
      ...before,
      name: patch.name ?? before.name,
      slug: patch.slug ?? before.slug,
      version: before.version + 1,
      updated_at: nowIso(),
    };
    const result = await trx
      .updateTable('workspaces')
      .set({ name: after.name, slug: after.slug, version: after.version, updated_at: after.updated_at })
      .where('id', '=', before.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw versionConflict(
        toWorkspaceDto(await trx.selectFrom('workspaces').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow(), access.role),
      );
    await appendChange(trx, {
      workspaceId: before.id,
      entity: 'workspace',
      entityId: before.id,
      action: 'updated',
      actorId: access.actorId,
      changes: diff(before, after, ['name', 'slug']),
    });
    return toWorkspaceDto(after, access.role);
  });
}
