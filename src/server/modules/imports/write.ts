import type { Kysely } from 'kysely';
import { insertRows } from '../../db/bulk.js';
import type { CustomerRow, Database, ImportRow, InsightRow } from '../../db/schema.js';
import { nowIso } from '../../lib/ids.js';
import { nameKey, normaliseTags } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { customerSearchDoc, newCustomerRow } from '../customers/service.js';
import { featuresOfCustomer, featuresOfInsights, refreshFeatureScores } from '../features/scores.js';
import { insightSearchDoc, toIsoTimestamp } from '../insights/queries.js';
import { insightIdsOfCustomer, reindexInsightsOfCustomer } from '../insights/reindex.js';
import { newInsightRow } from '../insights/service.js';
import { indexDocuments, type SearchDocument } from '../search/repo.js';
import type { Access } from '../workspaces/service.js';
import type { ValidCustomer, ValidInsight } from './convert.js';

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

type Change = { from: unknown; to: unknown };
type Changes = Record<string, Change>;
type LogRow = {
  workspace_id: string;
  entity: string;
  entity_id: string;
  action: string;
  actor_id: string;
  at: string;
  changes: string;
  note: string | null;
};

/**
 * What an import writes to the change log. Rows it creates are told once per batch, on the
 * import itself ("imported 5,000 insights from feedback.csv"), not once per row: a 100,000-row
 * file would otherwise bury the workspace's activity under 100,000 lines, and those lines
 * (with a copy of each text) were a quarter of what an import wrote. Each created row still
 * has its creator and date; a re-imported row that changes gets its own entry with the diff,
 * as an edit does.
 */
function changeLog(access: Access, job: ImportRow, now: string) {
  const entry = (entity: string, id: string, action: string, changes: Changes, note: string | null): LogRow => ({
    workspace_id: access.workspace.id,
    entity,
    entity_id: id,
    action,
    actor_id: access.actorId,
    at: now,
    changes: JSON.stringify(changes),
    note,
  });
  return {
    /** A re-imported row that changed: the diff, and where it came from. */
    reimported: (entity: 'insight' | 'customer', id: string, changes: Changes) =>
      entry(entity, id, 'reimported', changes, `Imported from ${job.file_name}`),
    batch(created: { insights: number; customers: number }): LogRow | null {
      if (created.insights === 0 && created.customers === 0) return null;
      const changes: Changes = { file: { from: null, to: job.file_name } };
      if (created.insights > 0) changes.insightsCreated = { from: null, to: created.insights };
      if (created.customers > 0) changes.customersCreated = { from: null, to: created.customers };
      return entry('import', job.id, 'rows_imported', changes, null);
    },
  };
}

/** Rows per lookup query (PostgreSQL takes at most 65,535 parameters per statement). */
const LOOKUP = 500;

/** The change log keeps the start of long texts: the insight itself holds the whole. */
const excerpt = (value: unknown) => (typeof value === 'string' && value.length > 200 ? value.slice(0, 200) : value);

/**
 * The fields of `prior` that `wanted` changes, as a change-log diff; `next` gets them. Values
 * are compared as stored, so re-importing an unchanged row changes nothing at all: no new
 * version (nobody editing it meets a conflict), no change-log entry.
 */
function applyChanges<T extends Record<string, unknown>>(
  prior: T,
  wanted: Partial<T>,
  labels: Record<string, string>,
): { next: T; changes: Changes } {
  const changes: Changes = {};
  const next = { ...prior };
  for (const [column, value] of Object.entries(wanted) as [keyof T & string, unknown][]) {
    if (value === undefined || prior[column] === value) continue;
    changes[labels[column] ?? column] = { from: excerpt(prior[column]), to: excerpt(value) };
    (next as Record<string, unknown>)[column] = value;
  }
  return { next, changes };
}

/** Two rows of one batch changed the same record: one change-log entry, from the first value to the last. */
function mergeChanges(into: Changes, later: Changes): void {
  for (const [field, change] of Object.entries(later))
    into[field] = { from: field in into ? into[field]!.from : change.from, to: change.to };
}

async function byExternalId<T extends 'insights' | 'customers'>(
  trx: Kysely<Database>,
  table: T,
  workspaceId: string,
  externalIds: string[],
): Promise<Map<string, T extends 'insights' ? InsightRow : CustomerRow>> {
  const found = new Map<string, T extends 'insights' ? InsightRow : CustomerRow>();
  for (let i = 0; i < externalIds.length; i += LOOKUP) {
    const rows = await trx
      .selectFrom(table as 'insights')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', externalIds.slice(i, i + LOOKUP))
      .execute();
    for (const r of rows) if (r.external_id) found.set(r.external_id, r as never);
  }
  return found;
}

/** Insights other insights were merged into: their text holds the duplicates' words too. */
async function mergeTargets(trx: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += LOOKUP) {
    const rows = await trx
      .selectFrom('insights')
      .select('merged_into_id')
      .distinct()
      .where('merged_into_id', 'in', ids.slice(i, i + LOOKUP))
      .execute();
    for (const r of rows) if (r.merged_into_id) out.add(r.merged_into_id);
  }
  return out;
}

const INSIGHT_LABELS: Record<string, string> = {
  customer_id: 'customerId',
  product_id: 'productId',
  person_name: 'personName',
  person_email: 'personEmail',
  received_at: 'receivedAt',
};

/**
 * What re-importing a row asks of an existing insight: the fields the row has a value for.
 * The text of an insight that duplicates were merged into is kept, since it quotes them.
 */
function insightChanges(v: ValidInsight, keepText: boolean): Partial<InsightRow> {
  const { input, given } = v;
  const wanted: Partial<InsightRow> = {};
  if (!keepText) wanted.text = input.text;
  if (given.has('source')) wanted.source = input.source;
  if (given.has('customer') || given.has('customerDomain') || given.has('customerExternalId'))
    wanted.customer_id = input.customerId ?? null;
  if (given.has('product')) wanted.product_id = input.productId ?? null;
  if (given.has('personName')) wanted.person_name = input.personName ?? null;
  if (given.has('personEmail')) wanted.person_email = input.personEmail ?? null;
  if (given.has('tags')) wanted.tags = JSON.stringify(normaliseTags(input.tags ?? []));
  if (given.has('importance') && input.importance) wanted.importance = input.importance;
  if (given.has('receivedAt') && input.receivedAt) wanted.received_at = toIsoTimestamp(input.receivedAt);
  return wanted;
}

export async function writeInsights(
  trx: Kysely<Database>,
  services: Services,
  access: Access,
  job: ImportRow,
  rows: ValidInsight[],
): Promise<BatchCounts> {
  const now = nowIso();
  const workspaceId = access.workspace.id;
  const log = changeLog(access, job, now);

  const newCustomers = rows.flatMap((r) => (r.newCustomer ? [r.newCustomer] : []));
  if (newCustomers.length > 0) {
    await insertRows(trx, services.dialect, 'customers', newCustomers);
    await indexDocuments(trx, services.dialect, newCustomers.map(customerSearchDoc));
  }

  const existing = await byExternalId(
    trx,
    'insights',
    workspaceId,
    rows.flatMap((r) => (r.input.externalId ? [r.input.externalId] : [])),
  );
  const keptTexts =
    existing.size > 0
      ? await mergeTargets(
          trx,
          [...existing.values()].map((r) => r.id),
        )
      : new Set<string>();
  const inserts: InsightRow[] = [];
  /** Rows of this batch not written yet, by external id: a later row of the file with the same id amends them. */
  const inserting = new Map<string, InsightRow>();
  const updates = new Map<string, { row: InsightRow; changes: Changes }>();
  let unchanged = 0;
  for (const v of rows) {
    const externalId = v.input.externalId;
    const pending = externalId ? inserting.get(externalId) : undefined;
    if (pending) {
      Object.assign(pending, applyChanges(pending, insightChanges(v, false), {}).next);
      continue;
    }
    const prior = externalId ? (updates.get(externalId)?.row ?? existing.get(externalId)) : undefined;
    if (!prior) {
      const row = newInsightRow(workspaceId, access.actorId, v.input, now);
      inserts.push(row);
      if (externalId) inserting.set(externalId, row);
      continue;
    }
    // A duplicate merged away lives on in the insight it was merged into: leave it be.
    if (prior.merged_into_id) {
      unchanged++;
      continue;
    }
    const { next, changes } = applyChanges(prior, insightChanges(v, keptTexts.has(prior.id)), INSIGHT_LABELS);
    const earlier = updates.get(externalId!);
    if (Object.keys(changes).length === 0) {
      if (!earlier) unchanged++;
      continue;
    }
    if (earlier) {
      earlier.row = next;
      mergeChanges(earlier.changes, changes);
    } else updates.set(externalId!, { row: next, changes });
  }

  // In date order: the inbox indexes then take the batch as one sweep instead of pages all over.
  inserts.sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : 0));
  await insertRows(trx, services.dialect, 'insights', inserts);
  const changed = [...updates.values()];
  for (const { row } of changed) {
    const { id, workspace_id: _w, created_at: _ca, created_by: _cb, ...set } = row;
    await trx
      .updateTable('insights')
      .set({ ...set, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
  // A re-imported insight may name another customer, or another date (reach windows): rescore the features it is evidence for.
  const movedEvidence = changed.filter((c) => 'customerId' in c.changes || 'receivedAt' in c.changes).map((c) => c.row.id);
  if (movedEvidence.length > 0) await refreshFeatureScores(trx, workspaceId, await featuresOfInsights(trx, movedEvidence));

  const indexed = [...inserts, ...changed.filter((c) => 'text' in c.changes || 'customerId' in c.changes).map((c) => c.row)];
  const customerNames = new Map(newCustomers.map((c) => [c.id, c.name]));
  const unknown = [...new Set(indexed.flatMap((r) => (r.customer_id && !customerNames.has(r.customer_id) ? [r.customer_id] : [])))];
  for (let i = 0; i < unknown.length; i += LOOKUP) {
    for (const c of await trx
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('id', 'in', unknown.slice(i, i + LOOKUP))
      .execute())
      customerNames.set(c.id, c.name);
  }
  const docs: SearchDocument[] = indexed.map((r) => insightSearchDoc(r, r.customer_id ? (customerNames.get(r.customer_id) ?? null) : null));
  await indexDocuments(trx, services.dialect, docs);

  const entries = [
    log.batch({ insights: inserts.length, customers: newCustomers.length }),
    ...changed.map(({ row, changes }) => log.reimported('insight', row.id, changes)),
  ].filter((e) => e !== null);
  await insertRows(trx, services.dialect, 'change_log', entries);
  return { created: inserts.length, updated: changed.length, unchanged };
}

const CUSTOMER_LABELS: Record<string, string> = { revenue_period: 'revenuePeriod', name_key: 'nameKey' };

/** What re-importing a row asks of an existing customer: the fields the row has a value for. */
function customerChanges(v: ValidCustomer): Partial<CustomerRow> {
  const { input, given } = v;
  const wanted: Partial<CustomerRow> = { name: input.name, name_key: nameKey(input.name) };
  if (given.has('domain')) wanted.domain = input.domain ?? null;
  if (given.has('segment')) wanted.segment = input.segment ?? null;
  if (given.has('plan')) wanted.plan = input.plan ?? null;
  if (given.has('size')) wanted.size = input.size ?? null;
  if (given.has('revenue')) wanted.revenue = input.revenue ?? null;
  if (given.has('currency')) wanted.currency = input.currency ?? null;
  if (given.has('revenuePeriod') && input.revenuePeriod) wanted.revenue_period = input.revenuePeriod;
  return wanted;
}

const WEIGHT_FIELDS = ['revenue', 'currency', 'revenuePeriod', 'segment'];

export async function writeCustomers(
  trx: Kysely<Database>,
  services: Services,
  access: Access,
  job: ImportRow,
  rows: ValidCustomer[],
): Promise<BatchCounts> {
  const now = nowIso();
  const workspaceId = access.workspace.id;
  const existing = await byExternalId(
    trx,
    'customers',
    workspaceId,
    rows.flatMap((r) => (r.input.externalId ? [r.input.externalId] : [])),
  );
  const inserts: CustomerRow[] = [];
  const inserting = new Map<string, CustomerRow>();
  const updates = new Map<string, { row: CustomerRow; changes: Changes }>();
  let unchanged = 0;
  for (const v of rows) {
    const externalId = v.input.externalId;
    const pending = externalId ? inserting.get(externalId) : undefined;
    if (pending) {
      Object.assign(pending, applyChanges(pending, customerChanges(v), {}).next);
      continue;
    }
    const prior = externalId ? (updates.get(externalId)?.row ?? existing.get(externalId)) : undefined;
    if (!prior) {
      const row = newCustomerRow(workspaceId, access.actorId, v.input, now);
      inserts.push(row);
      if (externalId) inserting.set(externalId, row);
      continue;
    }
    const { next, changes } = applyChanges(prior, customerChanges(v), CUSTOMER_LABELS);
    delete changes.nameKey;
    const earlier = updates.get(externalId!);
    if (Object.keys(changes).length === 0) {
      if (!earlier) unchanged++;
      continue;
    }
    if (earlier) {
      earlier.row = next;
      mergeChanges(earlier.changes, changes);
    } else updates.set(externalId!, { row: next, changes });
  }
  await insertRows(trx, services.dialect, 'customers', inserts);
  const changed = [...updates.values()];
  for (const { row } of changed) {
    const { id, workspace_id: _w, created_at: _ca, created_by: _cb, ...set } = row;
    await trx
      .updateTable('customers')
      .set({ ...set, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
  // New revenue (or segment) changes the weight of the features these customers asked for.
  const touched = new Set<string>();
  for (const c of changed)
    if (WEIGHT_FIELDS.some((f) => f in c.changes)) for (const f of await featuresOfCustomer(trx, c.row.id)) touched.add(f);
  await refreshFeatureScores(trx, workspaceId, [...touched]);
  await indexDocuments(trx, services.dialect, [...inserts, ...changed.map((c) => c.row)].map(customerSearchDoc));
  // An insight is found by who said it: a renamed customer's insights are indexed under the new name.
  for (const c of changed)
    if ('name' in c.changes)
      await reindexInsightsOfCustomer(
        trx,
        services.dialect,
        workspaceId,
        await insightIdsOfCustomer(trx, workspaceId, c.row.id),
        c.row.name,
      );
  const log = changeLog(access, job, now);
  const entries = [
    log.batch({ insights: 0, customers: inserts.length }),
    ...changed.map((c) => log.reimported('customer', c.row.id, c.changes)),
  ].filter((e) => e !== null);
  await insertRows(trx, services.dialect, 'change_log', entries);
  return {
    created: inserts.length,
    updated: changed.length,
    unchanged,
  };
}
