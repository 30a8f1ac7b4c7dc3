import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ImportJob, ImportRowError, ImportRowProblem } from '../../../contract/discovery.js';
import { IMPORT_FIELDS, type ImportField } from './guess-mapping.js';

type Notice = NonNullable<z.infer<typeof ImportJob>['notice']>;

const VALUE_CODES = [
  'empty',
  'invalid_date',
  'ambiguous_date',
  'invalid_number',
  'unknown_importance',
  'unknown_source',
  'unknown_period',
  'invalid_currency',
  'invalid_tags',
] as const;
type ValueCode = (typeof VALUE_CODES)[number] | 'other';
const isValueCode = (code: string): code is ValueCode => (VALUE_CODES as readonly string[]).includes(code);

const ALL_FIELDS = new Set<string>([...IMPORT_FIELDS.insights, ...IMPORT_FIELDS.customers]);

/** A field name as the wizard shows it ("receivedAt" → "Received on (date)"). */
function fieldLabel(t: TFunction, field: unknown): string {
  const name = String(field ?? '');
  return ALL_FIELDS.has(name) ? t(`imports.fields.${name as ImportField}`) : name;
}

/** One problem of a row in the reader's language; the server's English is the fallback. */
export function describeProblem(t: TFunction, problem: ImportRowProblem, row: Pick<ImportRowError, 'line' | 'endLine'>): string {
  const p = problem.params;
  switch (problem.code) {
    case 'unbalanced_quotes':
      return row.endLine > row.line
        ? t('imports.problems.unbalanced_quotes_span', { line: row.line, endLine: row.endLine })
        : t('imports.problems.unbalanced_quotes');
    case 'invalid_value': {
      const given = String(p.valueCode);
      const code: ValueCode = isValueCode(given) ? given : 'other';
      return t(`imports.problems.values.${code}`, { field: fieldLabel(t, p.field), value: p.value });
    }
    case 'invalid_field':
      return t('imports.problems.invalid_field', { field: fieldLabel(t, p.field), message: p.message });
    case 'misplaced_quote':
    case 'column_count':
    case 'unknown_customer':
    case 'unknown_customer_external_id':
    case 'unknown_product':
      return t(`imports.problems.${problem.code}`, p);
    default:
      return problem.reason;
  }
}

/** Every problem of a row, in the reader's language (rows reported before codes existed keep their English). */
export function describeRow(t: TFunction, row: ImportRowError): string {
  if (row.problems.length === 0) return row.reason;
  return row.problems.map((p) => describeProblem(t, p, row)).join(' · ');
}

/** The job's notice in the reader's language. */
export function describeNotice(t: TFunction, notice: Notice): string {
  const p = notice.params;
  switch (notice.code) {
    case 'read_as_windows_1252':
      return t('imports.notices.read_as_windows_1252');
    case 'stopped_on_bad_rows':
      return t('imports.notices.stopped_on_bad_rows', { count: Number(p.count) });
    case 'failed_after_rows':
      return t('imports.notices.failed_after_rows', { count: Number(p.written), error: p.error });
    case 'interrupted':
      return t('imports.notices.interrupted', { count: Number(p.written) });
  }
}
