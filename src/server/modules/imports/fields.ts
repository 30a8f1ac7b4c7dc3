import { type IMPORTANCE, INSIGHT_SOURCES } from '../../../contract/discovery.js';

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

export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string };

const IMPORTANCE_WORDS: Record<string, (typeof IMPORTANCE)[number]> = {
  nice_to_have: 'nice_to_have',
  'nice to have': 'nice_to_have',
  low: 'nice_to_have',
  minor: 'nice_to_have',
  faible: 'nice_to_have',
  souhaitable: 'nice_to_have',
  mineur: 'nice_to_have',
  important: 'important',
  medium: 'important',
  normal: 'important',
  moyen: 'important',
  moyenne: 'important',
  importante: 'important',
  critical: 'critical',
  high: 'critical',
  blocker: 'critical',
  urgent: 'critical',
  critique: 'critical',
  bloquant: 'critical',
  haute: 'critical',
  élevée: 'critical',
};

const SOURCE_WORDS: Record<string, (typeof INSIGHT_SOURCES)[number]> = {
  interview: 'interview',
  entretien: 'interview',
  interviews: 'interview',
  call: 'interview',
  support: 'support',
  ticket: 'support',
  zendesk: 'support',
  intercom: 'support',
  helpdesk: 'support',
  sales: 'sales',
  vente: 'sales',
  ventes: 'sales',
  commercial: 'sales',
  crm: 'sales',
  survey: 'survey',
  enquête: 'survey',
  enquete: 'survey',
  sondage: 'survey',
  nps: 'survey',
  questionnaire: 'survey',
  portal: 'portal',
  portail: 'portal',
  import: 'import',
  other: 'other',
  autre: 'other',
};

export function convertImportance(raw: string): Converted<(typeof IMPORTANCE)[number]> {
  const value = IMPORTANCE_WORDS[raw.trim().toLowerCase().replace(/[-_]+/g, ' ')];
  return value ? { ok: true, value } : { ok: false, reason: `Unknown importance "${raw}" (use nice-to-have, important or critical)` };
}

export function convertSource(raw: string): Converted<(typeof INSIGHT_SOURCES)[number]> {
  const value = SOURCE_WORDS[raw.trim().toLowerCase()];
  return value ? { ok: true, value } : { ok: false, reason: `Unknown source "${raw}" (use ${INSIGHT_SOURCES.join(', ')})` };
}

export function convertTags(raw: string): string[] {
  return raw
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 30);
}

/**
 * Numbers as people type them: "1234.5", "1 234,56", "1.234,56 €", "$1,234.56". A single
 * separator followed by exactly three digits is read as a thousands separator.
 */
export function convertNumber(raw: string): Converted<number> {
  let s = raw.trim().replace(/[\s\u00a0\u202f€$£%]|EUR|USD|GBP/gi, '');
  if (s === '') return { ok: false, reason: 'Empty number' };
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > -1 && lastDot > -1) {
    const decimal = lastComma > lastDot ? ',' : '.';
    s = s.replaceAll(decimal === ',' ? '.' : ',', '').replace(decimal, '.');
  } else if (lastComma > -1) {
    s = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replaceAll(',', '') : s.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    s = s.replaceAll('.', '');
  }
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: `"${raw}" is not a number` };
}

/**
 * Dates: ISO (2026-03-14, 2026-03-14T10:00:00Z) or day-first (14/03/2026, 14.03.2026), the
 * European convention; a month-first date is accepted only when it cannot be day-first (03/14/2026).
 */
export function convertDate(raw: string): Converted<string> {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
    if (!Number.isNaN(d.getTime())) return { ok: true, value: d.toISOString() };
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    let [day, month] = [Number(m[1]), Number(m[2])];
    const year = Number(m[3]);
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() === month - 1 && d.getUTCDate() === day) return { ok: true, value: d.toISOString() };
  }
  return { ok: false, reason: `"${raw}" is not a date (use 2026-03-14 or 14/03/2026)` };
}
