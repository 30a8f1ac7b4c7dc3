import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { SLUG_PATTERN } from '../domain/slug.js';
import { Email } from './auth.js';
import { Id, Name, Timestamp, Version } from './common.js';

export const Role = z.enum(ROLES);
export const Slug = z.string().trim().toLowerCase().regex(SLUG_PATTERN, 'Use 1–48 lowercase letters, digits or dashes');

export const Workspace = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  role: Role.describe('Your role in this workspace'),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const WorkspaceCreateBody = z.strictObject({ name: Name(120), slug: Slug.optional() });
export const WorkspacePatchBody = z.strictObject({ name: Name(120).optional(), slug: Slug.optional(), version: Version.optional() });

export const MemberStatus = z.enum(['active', 'invited']);
export const Member = z.object({
  id: Id,
  userId: Id.nullable(),
  email: z.string(),
  name: z.string().nullable(),
  role: Role,
  status: MemberStatus,
  invitedAt: Timestamp.nullable(),
  joinedAt: Timestamp.nullable(),
  version: Version,
});

export const MemberInviteBody = z.strictObject({ email: Email, role: Role });
export const Invitation = Member.extend({
  inviteUrl: z.string().describe('Link the invitee opens to join; shown once to the inviter'),
  inviteToken: z.string(),
});
export const MemberPatchBody = z.strictObject({ role: Role, version: Version.optional() });

export const InvitationParams = z.strictObject({ token: z.string().min(16).max(128) });
export const InvitationInfo = z.object({
  workspace: z.object({ id: Id, name: z.string(), slug: z.string() }),
  email: z.string(),
  role: Role,
  accountExists: z.boolean(),
});
export const InvitationAcceptBody = z.strictObject({
  name: Name(120).optional(),
  password: z.string().min(8).max(256).optional(),
});
export const InvitationAccepted = z.object({ workspace: Workspace, csrfToken: z.string().nullable() });
