import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { CustomerCreateBody, type ImportRowProblem, InsightCreateBody } from '../../../contract/discovery.js';
import type { CustomerRow, Database } from '../../db/schema.js';
import { nameKey } from '../../lib/text.js';
import { newCustomerRow } from '../customers/service.js';
import {
  type Converted,
  convertDate,
  convertImportance,
  convertNumber,
  convertRevenuePeriod,
  convertSource,
  convertTags,
} from './fields.js';

export type InsightInput = z.output<typeof InsightCreateBody>;
export type CustomerInput = z.output<typeof CustomerCreateBody>;

/**
 * A valid row: the value to create, and the fields the row had a value for. Re-importing a
 * row updates only those, so a column left out of the file (or a cell left empty) never
 * erases what Cairn already holds.
 */
export interface ValidInsight {
  input: InsightInput;
  given: ReadonlySet<string>;
  /** A customer named in the file that does not exist yet (created with the row). */
  newCustomer?: CustomerRow;
}
export interface ValidCustomer {
  input: CustomerInput;
  given: ReadonlySet<string>;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; problems: ImportRowProblem[] };

/** A row's non-empty cells keyed by the field each mapped column feeds. */
export function cellsByField(header: readonly string[], cells: readonly string[], mapping: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) {
    const field = mapping[header[i]!];
    const cell = cells[i]?.trim();
    if (field && cell) out[field] = cell;
  }
  return out;
}

function unwrap<T>(result: Converted<T>, problems: ImportRowProblem[]): T | undefined {
  if (result.ok) return result.value;
  problems.push(result.problem);
  return undefined;
}

function zodProblems(error: z.ZodError): ImportRowProblem[] {
  return error.issues.map((i) => {
    const field = i.path.join('.') || 'row';
    return { code: 'invalid_field', params: { field, message: i.message }, reason: `${field}: ${i.message}` };
  });
}

/** The field a problem is about, as the schema names it. */
const FIELD_OF: Partial<Record<ImportRowProblem['code'], string>> = {
  unknown_customer: 'customerId',
  unknown_customer_external_id: 'customerId',
  unknown_product: 'productId',
};

/**
 * Every problem of a row, so a file is fixed in one pass: the cells that could not be read,
 * then what the schema says of the others (not again of a cell already reported).
 */
function allProblems(problems: ImportRowProblem[], error: z.ZodError | undefined): ImportRowProblem[] {
  if (!error) return problems;
  const reported = new Set(problems.map((p) => FIELD_OF[p.code] ?? String(p.params.field ?? '')));
  return [...problems, ...zodProblems(error).filter((p) => !reported.has(String(p.params.field).split('.')[0] ?? ''))];
}

export interface Lookups {
  customersByName: Map<string, string>;
  customersByDomain: Map<string, string>;
  customersByExternal: Map<string, string>;
  productsByName: Map<string, string>;
}

export async function loadLookups(db: Kysely<Database>, workspaceId: string): Promise<Lookups> {
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

export interface InsightContext {
  lookups: Lookups;
  createCustomers: boolean;
  /** Customers this import creates, by name key, so the same new name is created once. */
  pending: Map<string, CustomerRow>;
  workspaceId: string;
  actorId: string;
}

/** Turns one CSV row into a valid insight, or every problem it has. */
export function convertInsight(f: Record<string, string>, ctx: InsightContext): RowResult<ValidInsight> {
  const problems: ImportRowProblem[] = [];
  let customerId: string | undefined;
  let newCustomer: CustomerRow | undefined;
  let newCustomerKey = '';
  if (f.customerExternalId) {
    customerId = ctx.lookups.customersByExternal.get(f.customerExternalId);
    if (!customerId)
      problems.push({
        code: 'unknown_customer_external_id',
        params: { externalId: f.customerExternalId },
        reason: `Unknown customer external id "${f.customerExternalId}"`,
      });
  } else if (f.customerDomain || f.customer) {
    const byDomain = f.customerDomain ? ctx.lookups.customersByDomain.get(f.customerDomain.toLowerCase()) : undefined;
    const byName = f.customer ? ctx.lookups.customersByName.get(nameKey(f.customer)) : undefined;
    customerId = byDomain ?? byName;
    if (!customerId) {
      const name = f.customer ?? f.customerDomain ?? '';
      const key = nameKey(name);
      const already = ctx.pending.get(key);
      if (already) customerId = already.id;
      else if (ctx.createCustomers) {
        newCustomer = newCustomerRow(ctx.workspaceId, ctx.actorId, {
          name: name.slice(0, 200),
          domain: f.customerDomain?.toLowerCase() ?? null,
        });
        newCustomerKey = key;
        customerId = newCustomer.id;
      } else
        problems.push({
          code: 'unknown_customer',
          params: { name },
          reason: `Unknown customer "${name}" (import customers first, or choose to create missing customers)`,
        });
    }
  }
  let productId: string | undefined;
  if (f.product) {
    productId = ctx.lookups.productsByName.get(nameKey(f.product));
    if (!productId) problems.push({ code: 'unknown_product', params: { name: f.product }, reason: `Unknown product "${f.product}"` });
  }
  const candidate = {
    text: f.text ?? '',
    source: f.source ? unwrap(convertSource('source', f.source), problems) : 'import',
    ...(customerId && { customerId }),
    ...(productId && { productId }),
    ...(f.personName && { personName: f.personName }),
    ...(f.personEmail && { personEmail: f.personEmail }),
    ...(f.tags && { tags: unwrap(convertTags('tags', f.tags), problems) }),
    ...(f.importance && { importance: unwrap(convertImportance('importance', f.importance), problems) }),
    ...(f.externalId && { externalId: f.externalId }),
    ...(f.receivedAt && { receivedAt: unwrap(convertDate('receivedAt', f.receivedAt), problems) }),
  };
  const parsed = InsightCreateBody.safeParse(candidate);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: allProblems(problems, parsed.error) };
  // Only a valid row creates its customer: a bad one must not leave one behind.
  if (newCustomer) ctx.pending.set(newCustomerKey, newCustomer);
  const given = new Set(Object.keys(f));
  return { ok: true, value: { input: parsed.data, given, ...(newCustomer && { newCustomer }) } };
}

/** Turns one CSV row into a valid customer, or every problem it has. */
export function convertCustomer(f: Record<string, string>): RowResult<ValidCustomer> {
  const problems: ImportRowProblem[] = [];
  const candidate = {
    name: f.name ?? '',
    ...(f.domain && { domain: f.domain }),
    ...(f.segment && { segment: f.segment }),
    ...(f.plan && { plan: f.plan }),
    ...(f.size && { size: unwrap(convertNumber('size', f.size), problems) }),
    ...(f.revenue && { revenue: unwrap(convertNumber('revenue', f.revenue), problems) }),
    ...(f.currency && { currency: f.currency }),
    ...(f.revenuePeriod && { revenuePeriod: unwrap(convertRevenuePeriod('revenuePeriod', f.revenuePeriod), problems) }),
    ...(f.externalId && { externalId: f.externalId }),
  };
  const parsed = CustomerCreateBody.safeParse(candidate);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: allProblems(problems, parsed.error) };
  return { ok: true, value: { input: parsed.data, given: new Set(Object.keys(f)) } };
}
