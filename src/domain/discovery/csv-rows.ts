/**
 * Turns one CSV row into an insight or customer draft under a confirmed column mapping,
 * collecting every bad cell as a line-level error ("line 12, Date: …") rather than stopping
 * at the first, so a user can fix a file in one pass.
 */

import { type DateOptions, parseDate } from './csv-dates.js';
import type { ColumnMapping, CustomerField, InsightField } from './csv-mapping.js';
import {
  type NumberOptions,
  parseCurrency,
  parseImportance,
  parseMoney,
  parseNumber,
  parseRevenuePeriod,
  parseSource,
  parseTags,
  type ValueErrorCode,
  type ValueResult,
} from './csv-values.js';
import type { Importance, InsightSource, RevenuePeriod } from './types.js';

export interface LineError {
  /** 1-based line in the file, header included, as a spreadsheet shows it. */
  line: number;
  field: string;
  /** The header of the column, for display. */
  column: string;
  code: ValueErrorCode | 'required' | 'too_long' | 'invalid_email' | 'invalid_domain';
  reason: string;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: LineError[] };

export interface RowOptions extends DateOptions, NumberOptions {
  headers: readonly string[];
  /** 1-based file line of this row. */
  line: number;
}

export interface InsightDraft {
  text: string;
  source: InsightSource;
  customer: { name: string | null; email: string | null; domain: string | null } | null;
  personName: string | null;
  personEmail: string | null;
  tags: string[];
  importance: Importance | null;
  externalId: string | null;
  receivedAt: string | null;
}

export interface CustomerDraft {
  name: string;
  domain: string | null;
  segment: string | null;
  plan: string | null;
  size: number | null;
  revenue: number | null;
  currency: string | null;
  revenuePeriod: RevenuePeriod;
  externalId: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.fr',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.com',
  'icloud.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'wanadoo.fr',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.fr',
]);

/** A company domain from a URL or an e-mail ("https://www.Acme.com/x" → "acme.com"); null for free mail providers. */
export function domainOf(value: string): string | null {
  const s = value.trim().toLowerCase();
  const host = (s.includes('@') ? s.slice(s.lastIndexOf('@') + 1) : s.replace(/^[a-z]+:\/\//, '').split(/[/?#]/)[0]!)
    .replace(/^www\./, '')
    .replace(/:\d+$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) || FREE_MAIL.has(host)) return null;
  return host;
}

class Row<F extends string> {
  readonly errors: LineError[] = [];
  constructor(
    private readonly cells: readonly string[],
    private readonly mapping: ColumnMapping<F>,
    private readonly options: RowOptions,
  ) {}

  /** The trimmed cell of a field, or null when unmapped or blank. */
  cell(field: F): string | null {
    const column = this.mapping.fields[field];
    const value = column === undefined ? undefined : this.cells[column]?.trim();
    return value ? value : null;
  }

  error(field: F, code: LineError['code'], reason: string): void {
    const column = this.mapping.fields[field];
    this.errors.push({
      line: this.options.line,
      field,
      column: column === undefined ? field : (this.options.headers[column] ?? field),
      code,
      reason,
    });
  }

  /** Parses a present cell; records the error and yields null when it fails. */
  parse<T>(field: F, parser: (raw: string) => ValueResult<T>): T | null {
    const raw = this.cell(field);
    if (raw === null) return null;
    const result = parser(raw);
    if (result.ok) return result.value;
    this.error(field, result.error.code, result.error.message);
    return null;
  }

  text(field: F, max: number): string | null {
    const value = this.cell(field);
    if (value !== null && value.length > max) {
      this.error(field, 'too_long', `longer than ${max} characters`);
      return null;
    }
    return value;
  }

  email(field: F): string | null {
    const value = this.cell(field)?.toLowerCase() ?? null;
    if (value !== null && !EMAIL.test(value)) {
      this.error(field, 'invalid_email', `"${value}" is not an e-mail address`);
      return null;
    }
    return value;
  }

  result<T>(value: T): RowResult<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

/** One insight from a row. Text is required; source defaults to 'import'. */
export function mapInsightRow(
  cells: readonly string[],
  mapping: ColumnMapping<InsightField>,
  options: RowOptions,
): RowResult<InsightDraft> {
  const row = new Row(cells, mapping, options);
  const text = row.text('text', 20_000);
  if (text === null && row.errors.length === 0) row.error('text', 'required', 'the feedback text is empty');
  const customerName = row.text('customerName', 200);
  const customerEmail = row.email('customerEmail');
  const customerDomain = row.cell('customerDomain');
  const domain = customerDomain ? domainOf(customerDomain) : customerEmail ? domainOf(customerEmail) : null;
  if (customerDomain && !domain) row.error('customerDomain', 'invalid_domain', `"${customerDomain}" is not a company domain`);
  const draft: InsightDraft = {
    text: text ?? '',
    source: row.parse('source', parseSource) ?? 'import',
    customer: customerName || customerEmail || domain ? { name: customerName, email: customerEmail, domain } : null,
    personName: row.text('personName', 200),
    personEmail: row.email('personEmail'),
    tags: row.parse('tags', parseTags) ?? [],
    importance: row.parse('importance', parseImportance),
    externalId: row.text('externalId', 200),
    receivedAt: row.parse('receivedAt', (raw) => parseDate(raw, options)),
  };
  return row.result(draft);
}

/**
 * One customer from a row. Name is required. Revenue keeps the currency written in the
 * cell, else the currency column, else the one the header names; the period comes from its
 * column, else the header (MRR/ARR), else month. A currency is never converted.
 */
export function mapCustomerRow(
  cells: readonly string[],
  mapping: ColumnMapping<CustomerField>,
  options: RowOptions,
): RowResult<CustomerDraft> {
  const row = new Row(cells, mapping, options);
  const name = row.text('name', 200);
  if (name === null && row.errors.length === 0) row.error('name', 'required', 'the customer name is empty');
  const money = row.parse('revenue', (raw) => parseMoney(raw, options));
  if (money && money.amount < 0) row.error('revenue', 'invalid_number', 'revenue cannot be negative');
  const currencyColumn = row.parse('currency', parseCurrency);
  if (money?.currency && currencyColumn && money.currency !== currencyColumn) {
    row.error('revenue', 'invalid_currency', `amount in ${money.currency} but currency column says ${currencyColumn}`);
  }
  const size = row.parse('size', (raw) => parseNumber(raw, options));
  if (size !== null && (!Number.isInteger(size) || size < 0)) row.error('size', 'invalid_number', 'size must be a whole number of people');
  const domainCell = row.cell('domain');
  const domain = domainCell ? domainOf(domainCell) : null;
  if (domainCell && !domain) row.error('domain', 'invalid_domain', `"${domainCell}" is not a company domain`);
  return row.result({
    name: name ?? '',
    domain,
    segment: row.text('segment', 80),
    plan: row.text('plan', 80),
    size,
    revenue: money ? money.amount : null,
    currency: money ? (money.currency ?? currencyColumn ?? mapping.currency ?? null) : currencyColumn,
    revenuePeriod: row.parse('revenuePeriod', parseRevenuePeriod) ?? mapping.revenuePeriod ?? 'month',
    externalId: row.text('externalId', 200),
  });
}
