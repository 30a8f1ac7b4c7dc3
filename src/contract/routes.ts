import { z } from 'zod';
import { ActivityEntry, ActivityQuery } from './activity.js';
import {
  LoginBody,
  LoginResult,
  Me,
  ProfilePatch,
  SetupBody,
  SetupStatus,
  TokenCreateBody,
  TokenCreated,
  TokenSummary,
  User,
} from './auth.js';
import { Empty, Id, page, PageQuery, WorkspaceItemParams, WorkspaceParams } from './common.js';
import {
  Product,
  ProductCreateBody,
  ProductListQuery,
  ProductPatchBody,
  StageHistoryEntry,
  StageMoveBody,
  StageMoveResult,
} from './products.js';
import { route } from './route.js';
import {
  Invitation,
  InvitationAcceptBody,
  InvitationAccepted,
  InvitationInfo,
  InvitationParams,
  Member,
  MemberInviteBody,
  MemberPatchBody,
  Workspace,
  WorkspaceCreateBody,
  WorkspacePatchBody,
} from './workspaces.js';

const V1 = '/api/v1';
const WS = `${V1}/workspaces/:workspace`;

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export const routes = {
  health: route({
    operationId: 'health', method: 'GET', path: `${V1}/health`, tag: 'System', auth: 'public',
    summary: 'Liveness and database kind', status: 200, response: Health,
  }),

  // ---- set-up and auth
  getSetup: route({
    operationId: 'getSetup', method: 'GET', path: `${V1}/setup`, tag: 'Auth', auth: 'public',
    summary: 'Whether the first owner account still has to be created', status: 200, response: SetupStatus,
  }),
  runSetup: route({
    operationId: 'runSetup', method: 'POST', path: `${V1}/setup`, tag: 'Auth', auth: 'public',
    summary: 'Create the first owner account (only while no account exists) and sign in',
    body: SetupBody, status: 201, response: LoginResult,
  }),
  login: route({
    operationId: 'login', method: 'POST', path: `${V1}/auth/login`, tag: 'Auth', auth: 'public',
    summary: 'Sign in with email and password; sets the session cookie', body: LoginBody, status: 200, response: LoginResult,
  }),
  logout: route({
    operationId: 'logout', method: 'POST', path: `${V1}/auth/logout`, tag: 'Auth', auth: 'user',
    summary: 'Sign out (ends the session)', status: 204, response: Empty,
  }),
  me: route({
    operationId: 'me', method: 'GET', path: `${V1}/auth/me`, tag: 'Auth', auth: 'user',
    summary: 'The signed-in user', status: 200, response: Me,
  }),
  updateMe: route({
    operationId: 'updateMe', method: 'PATCH', path: `${V1}/auth/me`, tag: 'Auth', auth: 'user',
    summary: 'Update my name or language', body: ProfilePatch, status: 200, response: User,
  }),
  listTokens: route({
    operationId: 'listTokens', method: 'GET', path: `${V1}/auth/tokens`, tag: 'Auth', auth: 'user',
    summary: 'My API tokens (never the secret)', status: 200, response: z.object({ items: z.array(TokenSummary) }),
  }),
  createToken: route({
    operationId: 'createToken', method: 'POST', path: `${V1}/auth/tokens`, tag: 'Auth', auth: 'user',
    summary: 'Create an API token; the secret is shown once', body: TokenCreateBody, status: 201, response: TokenCreated,
  }),
  revokeToken: route({
    operationId: 'revokeToken', method: 'DELETE', path: `${V1}/auth/tokens/:id`, tag: 'Auth', auth: 'user',
    summary: 'Revoke an API token', params: z.strictObject({ id: Id }), status: 204, response: Empty,
  }),

  // ---- invitations (opened by the invitee)
  getInvitation: route({
    operationId: 'getInvitation', method: 'GET', path: `${V1}/invitations/:token`, tag: 'Members', auth: 'public',
    summary: 'What an invitation link is for', params: InvitationParams, status: 200, response: InvitationInfo,
  }),
  acceptInvitation: route({
    operationId: 'acceptInvitation', method: 'POST', path: `${V1}/invitations/:token/accept`, tag: 'Members', auth: 'public',
    summary: 'Join the workspace: set a password for a new account, or accept while signed in',
    params: InvitationParams, body: InvitationAcceptBody, status: 200, response: InvitationAccepted,
  }),

  // ---- workspaces
  listWorkspaces: route({
    operationId: 'listWorkspaces', method: 'GET', path: `${V1}/workspaces`, tag: 'Workspaces', auth: 'user',
    summary: 'Workspaces I belong to', status: 200, response: z.object({ items: z.array(Workspace) }),
  }),
  createWorkspace: route({
    operationId: 'createWorkspace', method: 'POST', path: `${V1}/workspaces`, tag: 'Workspaces', auth: 'user',
    summary: 'Create a workspace (a company or a client); you become its owner',
    body: WorkspaceCreateBody, status: 201, response: Workspace,
  }),
  getWorkspace: route({
    operationId: 'getWorkspace', method: 'GET', path: WS, tag: 'Workspaces', auth: 'user', permission: 'workspace.read',
    summary: 'One workspace', params: WorkspaceParams, status: 200, response: Workspace,
  }),
  updateWorkspace: route({
    operationId: 'updateWorkspace', method: 'PATCH', path: WS, tag: 'Workspaces', auth: 'user', permission: 'workspace.manage',
    versioned: true, summary: 'Rename a workspace or change its slug', params: WorkspaceParams, body: WorkspacePatchBody,
    status: 200, response: Workspace,
  }),

  // ---- members
  listMembers: route({
    operationId: 'listMembers', method: 'GET', path: `${WS}/members`, tag: 'Members', auth: 'user', permission: 'members.read',
    summary: 'Members and pending invitations', params: WorkspaceParams, status: 200, response: z.object({ items: z.array(Member) }),
  }),
  inviteMember: route({
    operationId: 'inviteMember', method: 'POST', path: `${WS}/members`, tag: 'Members', auth: 'user', permission: 'members.manage',
    summary: 'Invite someone by email with a role; answers the invitation link to share',
    params: WorkspaceParams, body: MemberInviteBody, status: 201, response: Invitation,
  }),
  updateMember: route({
    operationId: 'updateMember', method: 'PATCH', path: `${WS}/members/:id`, tag: 'Members', auth: 'user', permission: 'members.manage',
    summary: "Change a member's role", params: WorkspaceItemParams, body: MemberPatchBody, status: 200, response: Member,
  }),
  removeMember: route({
    operationId: 'removeMember', method: 'DELETE', path: `${WS}/members/:id`, tag: 'Members', auth: 'user', permission: 'members.manage',
    summary: 'Remove a member or cancel an invitation', params: WorkspaceItemParams, status: 204, response: Empty,
  }),

  // ---- products
  listProducts: route({
    operationId: 'listProducts', method: 'GET', path: `${WS}/products`, tag: 'Products', auth: 'user', permission: 'product.read',
    summary: 'Products of the workspace, by name', params: WorkspaceParams, query: ProductListQuery, status: 200, response: page(Product),
  }),
  createProduct: route({
    operationId: 'createProduct', method: 'POST', path: `${WS}/products`, tag: 'Products', auth: 'user', permission: 'product.write',
    summary: 'Create a product', params: WorkspaceParams, body: ProductCreateBody, status: 201, response: Product,
  }),
  getProduct: route({
    operationId: 'getProduct', method: 'GET', path: `${WS}/products/:id`, tag: 'Products', auth: 'user', permission: 'product.read',
    summary: 'One product', params: WorkspaceItemParams, status: 200, response: Product,
  }),
  updateProduct: route({
    operationId: 'updateProduct', method: 'PATCH', path: `${WS}/products/:id`, tag: 'Products', auth: 'user', permission: 'product.write',
    versioned: true, summary: 'Edit a product (If-Match: <version> or version in the body)',
    params: WorkspaceItemParams, body: ProductPatchBody, status: 200, response: Product,
  }),
  deleteProduct: route({
    operationId: 'deleteProduct', method: 'DELETE', path: `${WS}/products/:id`, tag: 'Products', auth: 'user', permission: 'product.write',
    summary: 'Delete a product for good (archive it to keep its history)', params: WorkspaceItemParams, status: 204, response: Empty,
  }),
  moveProductStage: route({
    operationId: 'moveProductStage', method: 'POST', path: `${WS}/products/:id/stage`, tag: 'Products', auth: 'user', permission: 'product.stage',
    summary: 'Move the product to another lifecycle stage, with a note', params: WorkspaceItemParams, body: StageMoveBody,
    status: 200, response: StageMoveResult,
  }),
  listProductStages: route({
    operationId: 'listProductStages', method: 'GET', path: `${WS}/products/:id/stages`, tag: 'Products', auth: 'user', permission: 'product.read',
    summary: 'Lifecycle history of a product, newest first', params: WorkspaceItemParams, status: 200,
    response: z.object({ items: z.array(StageHistoryEntry) }),
  }),

  // ---- activity
  listActivity: route({
    operationId: 'listActivity', method: 'GET', path: `${WS}/activity`, tag: 'Activity', auth: 'user', permission: 'activity.read',
    summary: 'Change-log entries, newest first', params: WorkspaceParams, query: ActivityQuery, status: 200, response: page(ActivityEntry),
  }),
} as const;

export type Routes = typeof routes;
export type OperationId = keyof Routes;
export { PageQuery };
