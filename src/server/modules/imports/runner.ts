import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { CustomerCreateBody, InsightCreateBody } from '../../../contract/discovery.js';
import { insertRows } from '../../db/bulk.js';
import type { Dialect } from '../../db/connection.js';
import type { CustomerRow, Database, ImportRow, InsightRow } from '../../db/schema.js';
import { nowIso } from '../../lib/ids.js';
import { nameKey } from '../../lib/text.js';
import type { Services } from '../../services.js';
import { customerSearchDoc, newCustomerRow } from '../customers/service.js';
import { featuresOfCustomer, featuresOfInsights, refreshFeatureScores } from '../features/scores.js';
import { insightSearchDoc, toIsoTimestamp } from '../insights/queries.js';
import { newInsightRow } from '../insights/service.js';
import { indexDocuments, type SearchDocument } from '../search/repo.js';
import type { Access } from '../workspaces/service.js';
import type { ParsedCsv } from './csv-file.js';
import {
  type Converted,
  convertDate,
  convertImportance,
  convertNumber,
  convertRevenuePeriod,
  convertSource,
  convertTags,
} from './fields.js';

/**
 * Rows per transaction. Each commit writes every page the batch touched (the insight
 * indexes take rows in date and customer order, so pages all over them) to the WAL and
 * syncs it: fewer, larger commits write each page once for many rows. A batch still takes
 * well under a second, and the event loop is given back between batches.
 */
const BATCH = 5000;

/**
 * Lets the event loop serve other requests. SQLite calls are synchronous and a resolved
 * promise chain never yields to I/O on its own, so a long import would otherwise starve
 * every other request (including its own progress polls).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Stands in for a row once written, so the memory it held can be reused during the import. */
const WRITTEN = { line: 0, value: { name: '' } } as const;

interface RowError {
  line: number;
  reason: string;
}

type InsightInput = z.output<typeof InsightCreateBody> & { customerName?: string | undefined; customerDomain?: string | undefined };
type CustomerInput = z.output<typeof CustomerCreateBody>;

/** A row's cells keyed by the field each mapped column feeds. */
function cellsByField(header: string[], cells: string[], mapping: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  header.forEach((column, i) => {
    const field = mapping[column];
    const cell = cells[i]?.trim();
    if (field && cell) out[field] = cell;
  });
  return out;
}

function unwrap<T>(result: Converted<T>, reasons: string[]): T | undefined {
  if (result.ok) return result.value;
  reasons.push(result.reason);
  return undefined;
}

function zodReason(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

interface Lookups {
  customersByName: Map<string, string>;
  customersByDomain: Map<string, string>;
  customersByExternal: Map<string, string>;
  productsByName: Map<string, string>;
}

async function loadLookups(db: Kysely<Database>, workspaceId: string): Promise<Lookups> {
  const [customers, products] = await Promise.all([
    db.selectFrom('customers').select(['id', 'name_key', 'domain', 'external_id']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('products').select(['id', 'name']).where('workspace_id', '=', workspaceId).execute(),
  ]);
  const lookups: Lookups = {
    customersByName: new Map(),
    customersByDomain: new Map(),
    customersByExternal: new Map(),
    productsByName: new Map(),
  };
  for (const c of customers) {
    lookups.customersByName.set(c.name_key, c.id);
    if (c.domain) lookups.customersByDomain.set(c.domain, c.id);
    if (c.external_id) lookups.customersByExternal.set(c.external_id, c.id);
  }
  for (const p of products) lookups.productsByName.set(nameKey(p.name), p.id);
  return lookups;
}

/** Turns one CSV row into a valid insight, or the reasons it is not one. */
function convertInsight(
  f: Record<string, string>,
  lookups: Lookups,
  createCustomers: boolean,
  pending: Map<string, CustomerRow>,
  workspaceId: string,
  actorId: string,
): Converted<InsightInput & { newCustomer?: CustomerRow }> {
  const reasons: string[] = [];
  let customerId: string | undefined;
  let newCustomer: CustomerRow | undefined;
  if (f.customerExternalId) {
    customerId = lookups.customersByExternal.get(f.customerExternalId);
    if (!customerId) reasons.push(`Unknown customer external id "${f.customerExternalId}"`);
  } else if (f.customerDomain || f.customer) {
    const byDomain = f.customerDomain ? lookups.customersByDomain.get(f.customerDomain.toLowerCase()) : undefined;
    const byName = f.customer ? lookups.customersByName.get(nameKey(f.customer)) : undefined;
    customerId = byDomain ?? byName;
    if (!customerId) {
      const key = nameKey(f.customer ?? f.customerDomain ?? '');
      const already = pending.get(key);
      if (already) customerId = already.id;
      else if (createCustomers) {
        newCustomer = newCustomerRow(workspaceId, actorId, {
          name: (f.customer ?? f.customerDomain ?? '').slice(0, 200),
          domain: f.customerDomain?.toLowerCase() ?? null,
        });
        pending.set(key, newCustomer);
        customerId = newCustomer.id;
      } else
        reasons.push(
          `Unknown customer "${f.customer ?? f.customerDomain}" (import customers first, or choose to create missing customers)`,
        );
    }
  }
  let productId: string | undefined;
  if (f.product) {
    productId = lookups.productsByName.get(nameKey(f.product));
    if (!productId) reasons.push(`Unknown product "${f.product}"`);
  }
  const candidate = {
    text: f.text ?? '',
    source: f.source ? unwrap(convertSource(f.source), reasons) : 'import',
    ...(customerId && { customerId }),
    ...(productId && { productId }),
    ...(f.personName && { personName: f.personName }),
    ...(f.personEmail && { personEmail: f.personEmail }),
    ...(f.tags && { tags: unwrap(convertTags(f.tags), reasons) }),
    ...(f.importance && { importance: unwrap(convertImportance(f.importance), reasons) }),
    ...(f.externalId && { externalId: f.externalId }),
    ...(f.receivedAt && { receivedAt: unwrap(convertDate(f.receivedAt), reasons) }),
  };
  if (reasons.length > 0) {
    if (newCustomer) pending.delete(nameKey(newCustomer.name));
    return { ok: false, reason: reasons.join('; ') };
  }
  const parsed = InsightCreateBody.safeParse(candidate);
  if (!parsed.success) {
    if (newCustomer) pending.delete(nameKey(newCustomer.name));
    return { ok: false, reason: zodReason(parsed.error) };
  }
  return { ok: true, value: { ...parsed.data, ...(newCustomer && { newCustomer }) } };
}

function convertCustomer(f: Record<string, string>): Converted<CustomerInput> {
  const reasons: string[] = [];
  const candidate = {
    name: f.name ?? '',
    ...(f.domain && { domain: f.domain }),
    ...(f.segment && { segment: f.segment }),
    ...(f.plan && { plan: f.plan }),
    ...(f.size && { size: unwrap(convertNumber(f.size), reasons) }),
    ...(f.revenue && { revenue: unwrap(convertNumber(f.revenue), reasons) }),
    ...(f.currency && { currency: f.currency }),
    ...(f.revenuePeriod && { revenuePeriod: unwrap(convertRevenuePeriod(f.revenuePeriod), reasons) }),
    ...(f.externalId && { externalId: f.externalId }),
  };
  if (reasons.length > 0) return { ok: false, reason: reasons.join('; ') };
  const parsed = CustomerCreateBody.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: zodReason(parsed.error) };
}

async function saveProgress(trx: Kysely<Database>, job: ImportRow, patch: Partial<ImportRow>) {
  Object.assign(job, patch);
  await trx.updateTable('imports').set(patch).where('id', '=', job.id).execute();
}

/**
 * Processes an import job. Every row is checked before anything is written; then rows are
 * written in batches, each batch in one transaction together with the job's counters, so
 * the report always matches what is in the database — even if the server stops half way.
 */
export async function runImport(
  services: Services,
  access: Access,
  job: ImportRow,
  csv: ParsedCsv,
  options: { mapping: Record<string, string>; createCustomers: boolean; onProgress?: (job: ImportRow) => void },
): Promise<void> {
  const { db } = services;
  const workspaceId = access.workspace.id;
  try {
    const errors: RowError[] = [];
    const lookups = await loadLookups(db, workspaceId);
    const pendingCustomers = new Map<string, CustomerRow>();
    const valid: { line: number; value: (InsightInput & { newCustomer?: CustomerRow }) | CustomerInput }[] = [];
    for (const [index, record] of csv.records.entries()) {
      if (index % BATCH === BATCH - 1) await yieldToEventLoop();
      const lineError = csv.lineErrors.get(record.line);
      if (lineError) {
        errors.push({ line: record.line, reason: lineError });
        continue;
      }
      const fields = cellsByField(csv.header, record.cells, options.mapping);
      const converted =
        job.kind === 'insights'
          ? convertInsight(fields, lookups, options.createCustomers, pendingCustomers, workspaceId, access.actorId)
          : convertCustomer(fields);
      if (converted.ok) valid.push({ line: record.line, value: converted.value });
      else errors.push({ line: record.line, reason: converted.reason });
    }
    // The parsed file is no longer needed: let its rows go while the batches are written.
    csv.records.length = 0;
    const reportedErrors = JSON.stringify(errors.slice(0, 1000));
    if (errors.length > 0 && job.on_error === 'stop') {
      await saveProgress(db, job, {
        status: 'failed',
        errors: reportedErrors,
        skipped_rows: 0,
        processed_rows: 0,
        finished_at: nowIso(),
        message: `Stopped before writing anything: ${errors.length} row(s) have problems. Fix them, or choose to skip bad rows.`,
      });
      return;
    }
    await saveProgress(db, job, { errors: reportedErrors, skipped_rows: errors.length });
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      await db.transaction().execute(async (trx) => {
        const counts =
          job.kind === 'insights'
            ? await writeInsights(
                trx,
                services,
                access,
                job,
                batch.map((b) => b.value as InsightInput & { newCustomer?: CustomerRow }),
              )
            : await writeCustomers(
                trx,
                services,
                access,
                job,
                batch.map((b) => b.value as CustomerInput),
              );
        await saveProgress(trx, job, {
          created_rows: job.created_rows + counts.created,
          updated_rows: job.updated_rows + counts.updated,
          processed_rows: Math.min(job.total_rows, errors.length + start + batch.length),
        });
      });
      valid.fill(WRITTEN, start, start + batch.length);
      options.onProgress?.(job);
      await yieldToEventLoop();
    }
    await refreshStatistics(services, job.created_rows + job.updated_rows);
    await saveProgress(db, job, { status: 'done', processed_rows: job.total_rows, finished_at: nowIso() });
    options.onProgress?.(job);
  } catch (error) {
    await saveProgress(db, job, {
      status: 'failed',
      finished_at: nowIso(),
      message: `Stopped by an error after ${job.created_rows + job.updated_rows} row(s) were imported: ${(error as Error).message}`,
    }).catch(() => {});
  } finally {
    services.similarity.invalidate(workspaceId);
  }
}

/** Rows written by one import past which PostgreSQL's planner statistics are refreshed. */
const ANALYZE_AFTER = 1000;

/**
 * After a bulk load PostgreSQL still plans with the statistics it had before (autovacuum
 * catches up within minutes): a 100,000-row import into a new workspace made the inbox pick
 * the status index, read every row and sort them (over 100 ms a page) instead of walking
 * the date index (under 1 ms). SQLite plans from its indexes alone and needs nothing.
 */
async function refreshStatistics(services: Services, written: number): Promise<void> {
  if (services.dialect !== 'postgres' || written < ANALYZE_AFTER) return;
  // Only a matter of speed: the import has succeeded whatever happens here.
  await sql`analyze insights, customers, search_docs, change_log`.execute(services.db).catch(() => {});
}

async function changeLogBatch(
  trx: Kysely<Database>,
  dialect: Dialect,
  rows: {
    workspace_id: string;
    entity: string;
    entity_id: string;
    action: string;
    actor_id: string;
    at: string;
    changes: string;
    note: string;
  }[],
) {
  await insertRows(trx, dialect, 'change_log', rows);
}

async function writeInsights(
  trx: Kysely<Database>,
  services: Services,
  access: Access,
  job: ImportRow,
  inputs: (InsightInput & { newCustomer?: CustomerRow })[],
) {
  const now = nowIso();
  const workspaceId = access.workspace.id;
  const newCustomers = inputs.flatMap((i) => (i.newCustomer ? [i.newCustomer] : []));
  if (newCustomers.length > 0) {
    await insertRows(trx, services.dialect, 'customers', newCustomers);
    await indexDocuments(trx, services.dialect, newCustomers.map(customerSearchDoc));
  }
  const externalIds = inputs.flatMap((i) => (i.externalId ? [i.externalId] : []));
  const existing = new Map<string, InsightRow>();
  for (let i = 0; i < externalIds.length; i += 500) {
    const rows = await trx
      .selectFrom('insights')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', externalIds.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.external_id) existing.set(r.external_id, r);
  }
  const inserts: InsightRow[] = [];
  const updates: InsightRow[] = [];
  for (const input of inputs) {
    const { newCustomer: _c, customerName: _n, customerDomain: _d, ...body } = input;
    const prior = body.externalId ? existing.get(body.externalId) : undefined;
    if (prior) {
      const next: InsightRow = {
        ...prior,
        text: body.text,
        source: body.source,
        customer_id: body.customerId ?? prior.customer_id,
        product_id: body.productId ?? prior.product_id,
        person_name: body.personName ?? prior.person_name,
        person_email: body.personEmail ?? prior.person_email,
        tags: body.tags ? JSON.stringify(body.tags) : prior.tags,
        importance: body.importance ?? prior.importance,
        received_at: body.receivedAt ? toIsoTimestamp(body.receivedAt) : prior.received_at,
        version: prior.version + 1,
        updated_at: now,
      };
      updates.push(next);
      existing.set(body.externalId ?? '', next);
    } else {
      const row = newInsightRow(workspaceId, access.actorId, body, now);
      inserts.push(row);
      if (row.external_id) existing.set(row.external_id, row);
    }
  }
  // In date order: the inbox indexes then take the batch as one sweep instead of pages all over.
  const byDate = inserts.slice().sort((a, b) => (a.received_at < b.received_at ? -1 : a.received_at > b.received_at ? 1 : 0));
  await insertRows(trx, services.dialect, 'insights', byDate);
  for (const u of updates) {
    const { id, workspace_id: _w, created_at: _ca, created_by: _cb, ...set } = u;
    await trx.updateTable('insights').set(set).where('id', '=', id).execute();
  }
  // A re-imported insight may name another customer: rescore the features it is evidence for.
  if (updates.length > 0)
    await refreshFeatureScores(
      trx,
      workspaceId,
      await featuresOfInsights(
        trx,
        updates.map((u) => u.id),
      ),
    );
  const customerNames = new Map<string, string>();
  const ids = [...new Set([...inserts, ...updates].flatMap((r) => (r.customer_id ? [r.customer_id] : [])))];
  for (let i = 0; i < ids.length; i += 500) {
    for (const c of await trx
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      customerNames.set(c.id, c.name);
  }
  const docs: SearchDocument[] = [...inserts, ...updates].map((r) =>
    insightSearchDoc(r, r.customer_id ? (customerNames.get(r.customer_id) ?? null) : null),
  );
  await indexDocuments(trx, services.dialect, docs);
  const note = `Imported from ${job.file_name}`;
  await changeLogBatch(trx, services.dialect, [
    ...inserts.map((r) => ({
      workspace_id: workspaceId,
      entity: 'insight',
      entity_id: r.id,
      action: 'imported',
      actor_id: access.actorId,
      at: now,
      changes: JSON.stringify({ text: { from: null, to: r.text.slice(0, 200) } }),
      note,
    })),
    ...updates.map((r) => ({
      workspace_id: workspaceId,
      entity: 'insight',
      entity_id: r.id,
      action: 'reimported',
      actor_id: access.actorId,
      at: now,
      changes: JSON.stringify({ text: { from: null, to: r.text.slice(0, 200) } }),
      note,
    })),
    ...newCustomers.map((c) => ({
      workspace_id: workspaceId,
      entity: 'customer',
      entity_id: c.id,
      action: 'imported',
      actor_id: access.actorId,
      at: now,
      changes: JSON.stringify({ name: { from: null, to: c.name } }),
      note,
    })),
  ]);
  return { created: inserts.length, updated: updates.length };
}

async function writeCustomers(trx: Kysely<Database>, services: Services, access: Access, job: ImportRow, inputs: CustomerInput[]) {
  const now = nowIso();
  const workspaceId = access.workspace.id;
  const externalIds = inputs.flatMap((i) => (i.externalId ? [i.externalId] : []));
  const existing = new Map<string, CustomerRow>();
  for (let i = 0; i < externalIds.length; i += 500) {
    const rows = await trx
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', externalIds.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.external_id) existing.set(r.external_id, r);
  }
  const inserts: CustomerRow[] = [];
  const updates: CustomerRow[] = [];
  for (const input of inputs) {
    const prior = input.externalId ? existing.get(input.externalId) : undefined;
    if (prior) {
      const fresh = newCustomerRow(workspaceId, access.actorId, input, now);
      const next: CustomerRow = {
        ...fresh,
        id: prior.id,
        created_at: prior.created_at,
        created_by: prior.created_by,
        version: prior.version + 1,
      };
      updates.push(next);
      existing.set(input.externalId ?? '', next);
    } else {
      const row = newCustomerRow(workspaceId, access.actorId, input, now);
      inserts.push(row);
      if (row.external_id) existing.set(row.external_id, row);
    }
  }
  await insertRows(trx, services.dialect, 'customers', inserts);
  for (const u of updates) {
    const { id, workspace_id: _w, created_at: _ca, created_by: _cb, ...set } = u;
    await trx.updateTable('customers').set(set).where('id', '=', id).execute();
  }
  // Re-imported customers may bring new revenue: rescore the features they asked for.
  const touched = new Set<string>();
  for (const u of updates) for (const f of await featuresOfCustomer(trx, u.id)) touched.add(f);
  await refreshFeatureScores(trx, workspaceId, [...touched]);
  await indexDocuments(trx, services.dialect, [...inserts, ...updates].map(customerSearchDoc));
  const note = `Imported from ${job.file_name}`;
  await changeLogBatch(
    trx,
    services.dialect,
    [...inserts, ...updates].map((c) => ({
      workspace_id: workspaceId,
      entity: 'customer',
      entity_id: c.id,
      action: inserts.includes(c) ? 'imported' : 'reimported',
      actor_id: access.actorId,
      at: now,
      changes: JSON.stringify({ name: { from: null, to: c.name } }),
      note,
    })),
  );
  return { created: inserts.length, updated: updates.length };
}
