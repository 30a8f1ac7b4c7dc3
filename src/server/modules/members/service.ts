import type { Kysely } from 'kysely';
import { isRole, ROLE_RANK, type Role } from '../../../domain/roles.js';
import type { Dialect } from '../../db/connection.js';
import type { Database, MembershipRow } from '../../db/schema.js';
import { appendChange, diff } from '../../events/change-log.js';
import { AppError, notFound, versionConflict } from '../../http/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../lib/ids.js';
import type { Auth } from '../auth/service.js';
import { createUser } from '../auth/service.js';
import { type Access, authorize, toWorkspaceDto } from '../workspaces/service.js';

type MemberRow = MembershipRow & { name: string | null };

function toMemberDto(m: MemberRow) {
  return {
    id: m.id,
    userId: m.user_id,
    email: m.email,
    name: m.name,
    role: isRole(m.role) ? m.role : 'viewer',
    status: m.status === 'active' ? ('active' as const) : ('invited' as const),
    invitedAt: m.invited_at,
    joinedAt: m.joined_at,
    version: m.version,
  };
}

function membersQuery(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .leftJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('memberships')
    .select('users.name as name')
    .where('memberships.workspace_id', '=', workspaceId);
}

export async function listMembers(db: Kysely<Database>, access: Access) {
  authorize(access, 'members.read');
  const rows = await membersQuery(db, access.workspace.id).execute();
  return rows
    .map(toMemberDto)
    .sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || (a.name ?? a.email).localeCompare(b.name ?? b.email));
}

/** Invites by email. The link is the only secret; the database keeps its hash. */
export async function inviteMember(db: Kysely<Database>, access: Access, input: { email: string; role: Role }, baseUrl: string) {
  authorize(access, 'members.manage');
  const token = newSecret();
  const member = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('memberships')
      .select('id')
      .where('workspace_id', '=', access.workspace.id)
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (existing) throw new AppError('already_member', `${input.email} is already a member or has a pending invitation.`);
    const now = nowIso();
    const row: MembershipRow = {
      id: newId(),
      workspace_id: access.workspace.id,
      user_id: null,
      email: input.email,
      role: input.role,
      status: 'invited',
      invite_token_hash: hashSecret(token),
      invited_by: access.actorId,
      invited_at: now,
      joined_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('memberships').values(row).execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'member',
      entityId: row.id,
      action: 'invited',
      actorId: access.actorId,
      changes: diff(null, row, ['email', 'role', 'status']),
    });
    return toMemberDto({ ...row, name: null });
  });
  return { ...member, inviteToken: token, inviteUrl: `${baseUrl.replace(/\/$/, '')}/invite/${token}` };
}

async function activeOwnerCount(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function loadMember(db: Kysely<Database>, access: Access, id: string): Promise<MemberRow> {
  const row = await membersQuery(db, access.workspace.id).where('memberships.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('This member');
  return row;
}

/**
 * Serialises changes to who owns a workspace, so two checks of "another owner is left" cannot
 * both pass and together leave none. On PostgreSQL the workspace row is locked for the
 * transaction (FOR NO KEY UPDATE: other writes in the workspace, whose foreign keys only
 * share-lock the row, carry on); SQLite runs one write transaction at a time already. Under
 * the lock the actor's own membership is read again: an owner demoted a moment ago cannot
 * still act as one.
 */
async function lockOwnership(trx: Kysely<Database>, dialect: Dialect, access: Access): Promise<void> {
  if (dialect === 'postgres') {
    await trx.selectFrom('workspaces').select('id').where('id', '=', access.workspace.id).forNoKeyUpdate().execute();
  }
  const actor = await trx
    .selectFrom('memberships')
    .select('role')
    .where('id', '=', access.membership.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!actor || !isRole(actor.role)) throw notFound('This workspace');
  authorize({ ...access, role: actor.role }, 'members.manage');
}

export async function updateMemberRole(
  db: Kysely<Database>,
  dialect: Dialect,
  access: Access,
  id: string,
  role: Role,
  expectedVersion: number | undefined,
) {
  authorize(access, 'members.manage');
  return db.transaction().execute(async (trx) => {
    await lockOwnership(trx, dialect, access);
    const before = await loadMember(trx, access, id);
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw versionConflict(toMemberDto(before));
    if (
      before.role === 'owner' &&
      role !== 'owner' &&
      before.status === 'active' &&
      (await activeOwnerCount(trx, access.workspace.id)) <= 1
    ) {
      throw new AppError('last_owner', 'Make someone else an owner before changing the role of the last one.');
    }
    if (before.role === role) return toMemberDto(before);
    const after = { ...before, role, version: before.version + 1, updated_at: nowIso() };
    await trx.updateTable('memberships').set({ role, version: after.version, updated_at: after.updated_at }).where('id', '=', id).execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'member',
      entityId: id,
      action: 'role_changed',
      actorId: access.actorId,
      changes: diff(before, after, ['role']),
    });
    return toMemberDto(after);
  });
}

export async function removeMember(db: Kysely<Database>, dialect: Dialect, access: Access, id: string) {
  authorize(access, 'members.manage');
  await db.transaction().execute(async (trx) => {
    await lockOwnership(trx, dialect, access);
    const before = await loadMember(trx, access, id);
    if (before.role === 'owner' && before.status === 'active' && (await activeOwnerCount(trx, access.workspace.id)) <= 1) {
      throw new AppError('last_owner', 'A workspace needs at least one owner; make someone else owner first.');
    }
    await trx.deleteFrom('memberships').where('id', '=', id).execute();
    await appendChange(trx, {
      workspaceId: access.workspace.id,
      entity: 'member',
      entityId: id,
      action: before.status === 'active' ? 'removed' : 'invitation_cancelled',
      actorId: access.actorId,
      changes: diff(before, null, ['email', 'role']),
    });
  });
}

async function findInvitation(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .selectAll('memberships')
    .select(['workspaces.name as workspace_name', 'workspaces.slug as workspace_slug'])
    .where('memberships.invite_token_hash', '=', hashSecret(token))
    .where('memberships.status', '=', 'invited')
    .executeTakeFirst();
  if (!row) throw new AppError('invitation_invalid', 'This invitation link was already used, cancelled, or never existed.');
  return row;
}

export async function getInvitation(db: Kysely<Database>, token: string) {
  const row = await findInvitation(db, token);
  const account = await db.selectFrom('users').select('id').where('email', '=', row.email).executeTakeFirst();
  return {
    workspace: { id: row.workspace_id, name: row.workspace_name, slug: row.workspace_slug },
    email: row.email,
    role: isRole(row.role) ? row.role : 'viewer',
    accountExists: account !== undefined,
  };
}

/**
 * Joins the workspace an invitation is for. A new person sets a name and password here;
 * someone with an account must be signed in as the invited email.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  auth: Auth | null,
  input: { name?: string | undefined; password?: string | undefined },
): Promise<{ workspace: ReturnType<typeof toWorkspaceDto>; newUserId: string | null }> {
  const invitation = await findInvitation(db, token);
  const account = await db.selectFrom('users').selectAll().where('email', '=', invitation.email).executeTakeFirst();
  let userId: string;
  let newUserId: string | null = null;
  if (account) {
    if (!auth) throw new AppError('unauthenticated', `Sign in as ${invitation.email} to accept this invitation.`);
    if (auth.user.id !== account.id)
      throw new AppError('invitation_invalid', `This invitation is for ${invitation.email}; sign in with that account.`);
    userId = account.id;
  } else {
    if (!input.password || !input.name) {
      throw new AppError('validation_failed', 'Choose your name and a password to create your account.', {
        errors: [
          ...(input.name ? [] : [{ path: 'name', message: 'Required' }]),
          ...(input.password ? [] : [{ path: 'password', message: 'Required (at least 8 characters)' }]),
        ],
      });
    }
    const user = await createUser(db, { email: invitation.email, name: input.name, password: input.password });
    userId = user.id;
    newUserId = user.id;
  }
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('memberships')
      .set({ user_id: userId, status: 'active', invite_token_hash: null, joined_at: now, updated_at: now, version: invitation.version + 1 })
      .where('id', '=', invitation.id)
      .where('status', '=', 'invited')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('invitation_invalid');
    await appendChange(trx, {
      workspaceId: invitation.workspace_id,
      entity: 'member',
      entityId: invitation.id,
      action: 'joined',
      actorId: userId,
      changes: { status: { from: 'invited', to: 'active' } },
    });
    const workspace = await trx.selectFrom('workspaces').selectAll().where('id', '=', invitation.workspace_id).executeTakeFirstOrThrow();
    return { workspace: toWorkspaceDto(workspace, isRole(invitation.role) ? invitation.role : 'viewer'), newUserId };
  });
}
