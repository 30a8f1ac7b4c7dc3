import type { ImportRowProblem } from '../../../contract/discovery.js';
import { parseDate, parseImportance, parseNumber, parseRevenuePeriod, parseSource, parseTags } from '../../../domain/discovery/index.js';

export type ImportKind = 'insights' | 'customers';

/** The fields a CSV column can be mapped to, per kind of import. */
export const FIELDS = {
  insights: [
    'text',
    'source',
    'customer',
    'customerDomain',
    'customerExternalId',
    'personName',
    'personEmail',
    'tags',
    'importance',
    'externalId',
    'receivedAt',
    'product',
  ],
  customers: ['name', 'domain', 'segment', 'plan', 'size', 'revenue', 'currency', 'revenuePeriod', 'externalId'],
} as const satisfies Record<ImportKind, readonly string[]>;

export type Converted<T> = { ok: true; value: T } | { ok: false; problem: ImportRowProblem };

/** Adapts the domain's value parsers (dates, numbers, synonyms in English and French) to row problems. */
function adapt<T>(parse: (raw: string) => { ok: true; value: T } | { ok: false; error: { code: string; message: string } }) {
  return (field: string, raw: string): Converted<T> => {
    const result = parse(raw);
    if (result.ok) return result;
    return {
      ok: false,
      problem: {
        code: 'invalid_value',
        params: { field, value: raw.slice(0, 80), valueCode: result.error.code },
        reason: `${field}: ${result.error.message}`,
      },
    };
  };
}

export const convertDate = adapt((raw) => parseDate(raw));
export const convertNumber = adapt((raw) => parseNumber(raw));
export const convertImportance = adapt(parseImportance);
export const convertSource = adapt(parseSource);
export const convertTags = adapt(parseTags);
export const convertRevenuePeriod = adapt(parseRevenuePeriod);
