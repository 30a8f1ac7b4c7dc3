import type { Kysely } from 'kysely';
import type { Database, InsightRow } from '../../db/schema.js';
import { parseJsonArray } from '../../lib/text.js';

/** Insight rows joined with what the API shows beside them (customer, number of linked features). */
export type InsightView = InsightRow & {
  customer_name: string | null;
  customer_segment: string | null;
  feature_count: number | string | null;
};

export function insightView(db: Kysely<Database>) {
  return db
    .selectFrom('insights')
    .leftJoin('customers', 'customers.id', 'insights.customer_id')
    .selectAll('insights')
    .select(['customers.name as customer_name', 'customers.segment as customer_segment'])
    .select((eb) =>
      eb
        .selectFrom('feature_insights')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('feature_insights.insight_id', '=', 'insights.id')
        .as('feature_count'),
    );
}

const SOURCES = new Set(['interview', 'support', 'sales', 'survey', 'portal', 'import', 'other']);
const IMPORTANCE = new Set(['nice_to_have', 'important', 'critical']);
const STATUSES = new Set(['new', 'triaged', 'linked', 'archived']);

export function toInsightDto(r: InsightView) {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    productId: r.product_id,
    text: r.text,
    source: (SOURCES.has(r.source) ? r.source : 'other') as 'interview' | 'support' | 'sales' | 'survey' | 'portal' | 'import' | 'other',
    customer: r.customer_id && r.customer_name !== null ? { id: r.customer_id, name: r.customer_name, segment: r.customer_segment } : null,
    personName: r.person_name,
    personEmail: r.person_email,
    tags: parseJsonArray(r.tags),
    importance: (IMPORTANCE.has(r.importance) ? r.importance : 'important') as 'nice_to_have' | 'important' | 'critical',
    externalId: r.external_id,
    receivedAt: r.received_at,
    status: (STATUSES.has(r.status) ? r.status : 'new') as 'new' | 'triaged' | 'linked' | 'archived',
    mergedIntoId: r.merged_into_id,
    featureCount: Number(r.feature_count ?? 0),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type InsightDto = ReturnType<typeof toInsightDto>;

export const INSIGHT_TRACKED: (keyof InsightDto & string)[] = [
  'text',
  'source',
  'productId',
  'personName',
  'personEmail',
  'tags',
  'importance',
  'externalId',
  'receivedAt',
  'status',
  'mergedIntoId',
];

/** What the search index holds for an insight: its words, tags, and who said it. */
export function insightSearchDoc(r: InsightRow, customerName: string | null) {
  return {
    entity: 'insight' as const,
    entityId: r.id,
    workspaceId: r.workspace_id,
    title: r.text.slice(0, 140),
    body: [r.text, parseJsonArray(r.tags).join(' '), r.person_name, customerName].filter(Boolean).join('\n'),
  };
}

/** Dates arrive as YYYY-MM-DD or full ISO; stored as ISO-8601 UTC. */
export function toIsoTimestamp(value: string): string {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
}

/** The plain table row of an insight view (what can be written back). */
export function stripView<T extends { customer_name: unknown; customer_segment: unknown; feature_count: unknown }>(
  view: T,
): Omit<T, 'customer_name' | 'customer_segment' | 'feature_count'> {
  const { customer_name: _n, customer_segment: _s, feature_count: _f, ...row } = view;
  return row;
}
