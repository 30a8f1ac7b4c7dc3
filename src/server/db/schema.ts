import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Tables as Kysely sees them. Timestamps are ISO-8601 UTC strings on both dialects
 * (sortable as text), JSON is stored as text, booleans as nullable timestamps.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  id: string;
  workspace_id: string;
  user_id: string | null;
  email: string;
  role: string;
  status: string;
  invite_token_hash: string | null;
  invited_by: string | null;
  invited_at: string | null;
  joined_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  workspace_id: string;
  name: string;
  vision: string;
  stage: string;
  segments: string;
  checklist: string;
  archived_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProductStagesTable {
  id: string;
  workspace_id: string;
  product_id: string;
  from_stage: string | null;
  to_stage: string;
  note: string | null;
  open_gate_items: string;
  actor_id: string | null;
  at: string;
}

export interface ChangeLogTable {
  seq: Generated<number>;
  workspace_id: string;
  entity: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  at: string;
  changes: string;
  note: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  products: ProductsTable;
  product_stages: ProductStagesTable;
  change_log: ChangeLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type ProductRow = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type ProductUpdate = Updateable<ProductsTable>;
export type ProductStageRow = Selectable<ProductStagesTable>;
export type ChangeLogRow = Selectable<ChangeLogTable>;
