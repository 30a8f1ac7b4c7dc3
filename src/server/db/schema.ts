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
  /** JSON array of the scoring frameworks the product uses. */
  scoring_frameworks: string;
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

export interface CustomersTable {
  id: string;
  workspace_id: string;
  name: string;
  /** Lower-cased, accent-free name: case-insensitive matching and ordering on both dialects. */
  name_key: string;
  domain: string | null;
  segment: string | null;
  plan: string | null;
  size: number | null;
  revenue: number | null;
  currency: string | null;
  revenue_period: string;
  external_id: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InsightsTable {
  id: string;
  workspace_id: string;
  product_id: string | null;
  text: string;
  source: string;
  customer_id: string | null;
  person_name: string | null;
  person_email: string | null;
  tags: string;
  importance: string;
  external_id: string | null;
  received_at: string;
  status: string;
  merged_into_id: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FeaturesTable {
  id: string;
  workspace_id: string;
  product_id: string | null;
  title: string;
  description: string;
  status: string;
  owner_id: string | null;
  tags: string;
  /** Score inputs (JSON, FeatureScoreInputs). */
  scores: string;
  /** Lower-cased, accent-free title: ties in ranked lists, and the title sort. */
  title_key: string;
  /** Stored ranks, equal to sortValue(scoreFeature(…)); kept current by refreshFeatureScores. */
  score_rice: number | null;
  score_ice: number | null;
  score_wsjf: number | null;
  score_custom: number | null;
  score_value_effort: number | null;
  score_moscow: number | null;
  score_kano: number | null;
  /** With a RICE reach window: its first instant (ISO timestamp), for the day in reach_as_of. Null without one. */
  reach_since: string | null;
  /** With a RICE reach window: the UTC day (YYYY-MM-DD) the windowed evidence was counted for. */
  reach_as_of: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FeatureInsightsTable {
  feature_id: string;
  insight_id: string;
  workspace_id: string;
  highlight: string | null;
  importance: string;
  created_by: string | null;
  created_at: string;
}

export interface ImportsTable {
  id: string;
  workspace_id: string;
  kind: string;
  status: string;
  file_name: string;
  on_error: string;
  mapping: string;
  total_rows: number;
  processed_rows: number;
  created_rows: number;
  updated_rows: number;
  skipped_rows: number;
  unchanged_rows: number;
  /** JSON array of ImportRowError. */
  errors: string;
  message: string | null;
  /** JSON ImportNotice: the message as a code and values. */
  notice: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface SearchDocsTable {
  entity: string;
  entity_id: string;
  workspace_id: string;
  title: string;
  body: string;
  /** PostgreSQL only: accent-folded text the tsvector is built from. */
  folded_title?: string;
  folded_body?: string;
}

export interface ObjectivesTable {
  id: string;
  workspace_id: string;
  parent_id: string | null;
  product_id: string | null;
  title: string;
  description: string;
  /** Lower-cased, accent-free title and description, for the list's `q` filter. */
  search_key: string;
  period_kind: string;
  /** First and last day of the period (YYYY-MM-DD, both included). */
  period_start: string;
  period_end: string;
  owner_id: string | null;
  status: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface KeyResultsTable {
  id: string;
  workspace_id: string;
  objective_id: string;
  title: string;
  metric: string;
  baseline: number;
  target: number;
  current: number | null;
  unit: string;
  direction: string;
  position: number;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FeatureObjectivesTable {
  feature_id: string;
  objective_id: string;
  workspace_id: string;
  created_by: string | null;
  created_at: string;
}

export interface WorkspaceScoringTable {
  workspace_id: string;
  /** ScoringSettings as JSON. A workspace without a row uses the defaults (version 1). */
  settings: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface Database {
  workspace_scoring: WorkspaceScoringTable;
  customers: CustomersTable;
  insights: InsightsTable;
  features: FeaturesTable;
  feature_insights: FeatureInsightsTable;
  imports: ImportsTable;
  search_docs: SearchDocsTable;
  objectives: ObjectivesTable;
  key_results: KeyResultsTable;
  feature_objectives: FeatureObjectivesTable;
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
export type CustomerRow = Selectable<CustomersTable>;
export type InsightRow = Selectable<InsightsTable>;
export type FeatureRow = Selectable<FeaturesTable>;
export type ImportRow = Selectable<ImportsTable>;
export type ObjectiveRow = Selectable<ObjectivesTable>;
export type KeyResultRow = Selectable<KeyResultsTable>;
