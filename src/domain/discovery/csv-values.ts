/**
 * Parsers for the values found in customer and feedback spreadsheets, English and French.
 * Each returns a value or a typed error and never throws, so an import can report every bad
 * cell of a file at once ("line 12, column Date: …") instead of stopping at the first.
 */

import { normalizeText } from './text.js';
import type { Importance, InsightSource, RevenuePeriod } from './types.js';

export type ValueErrorCode =
  | 'empty'
  | 'invalid_date'
  | 'ambiguous_date'
  | 'invalid_number'
  | 'unknown_importance'
  | 'unknown_source'
  | 'unknown_period'
  | 'invalid_currency'
  | 'invalid_tags';

export interface ValueError {
  code: ValueErrorCode;
  message: string;
}

export type ValueResult<T> = { ok: true; value: T } | { ok: false; error: ValueError };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (code: ValueErrorCode, message: string): ValueResult<never> => ({ ok: false, error: { code, message } });
/** Lower case, no accents, words separated by one space: "Nice-to-have" → "nice to have". */
export const normalizeWord = (s: string) =>
  normalizeText(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// ---- numbers

const CURRENCY_SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  '£': 'GBP',
  '¥': 'JPY',
  CHF: 'CHF',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
};
const CURRENCY_AFFIX = /^(?:([A-Z]{3}|US\$|CA\$|C\$|A\$|[€$£¥])\s*)?(.*?)(?:\s*([A-Z]{3}|[€$£¥]))?$/i;
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009'’]/g;
const HAS_GROUPING_SPACE = /[\s\u00a0\u202f\u2009'’]/;

export interface NumberOptions {
  /**
   * The decimal separator when a value alone cannot tell: "1,234" or "1.234" (one separator
   * followed by exactly three digits). Default: read as a thousands separator (1234), since
   * amounts and sizes rarely carry three decimals.
   */
  decimal?: ',' | '.';
}

/**
 * A number written the English or French way: "1234.5", "1,234.56", "1 234,56",
 * "1.234,56 €", "$1,234", "-12", "(12)" (accounting negative), with any space as grouping.
 */
export function parseNumber(raw: string, options: NumberOptions = {}): ValueResult<number> {
  const money = parseMoney(raw, options);
  return money.ok ? ok(money.value.amount) : money;
}

/** Like parseNumber, also returning the currency written in the cell ("1 234 €" → EUR), if any. */
export function parseMoney(raw: string, options: NumberOptions = {}): ValueResult<{ amount: number; currency: string | null }> {
  let s = raw.trim();
  if (s === '') return fail('empty', 'no value');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  const affix = CURRENCY_AFFIX.exec(s)!;
  const [prefix, suffix] = [affix[1], affix[3]];
  if (prefix && suffix) return fail('invalid_number', `"${raw}" has two currencies`);
  const symbol = prefix ?? suffix;
  const currency = symbol ? (CURRENCY_SYMBOLS[symbol.toUpperCase()] ?? CURRENCY_SYMBOLS[symbol] ?? symbol.toUpperCase()) : null;
  let body = affix[2]!;
  if (/^[-−]/.test(body) && !negative) {
    negative = true;
    body = body.slice(1);
  }
  const amount = readDigits(body, options);
  if (amount === null) return fail('invalid_number', `"${raw}" is not a number`);
  return ok({ amount: negative && amount !== 0 ? -amount : amount, currency });
}

function readDigits(body: string, options: NumberOptions): number | null {
  const spaced = HAS_GROUPING_SPACE.test(body);
  if (spaced && !/^\d{1,3}(?:[\s\u00a0\u202f\u2009'’]\d{3})+(?:[.,]\d+)?$/.test(body)) return null;
  const s = body.replace(GROUPING_SPACES, '');
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    const threeAfterShortLead = after === 3 && /^[1-9]\d{0,2}[.,]/.test(s);
    if (count > 1) decimal = null;
    else if (spaced || !threeAfterShortLead) decimal = sep;
    else decimal = options.decimal === sep ? sep : null;
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : s.includes('.') ? '.' : ',';
  const [intPart, fracPart, extra] = decimal ? s.split(decimal) : [s];
  if (extra !== undefined || intPart === undefined) return null;
  if (intPart.includes(group) && !new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+$`).test(intPart)) return null;
  if (fracPart !== undefined && !/^\d+$/.test(fracPart)) return null;
  const value = Number(`${intPart.split(group).join('') || '0'}${fracPart === undefined ? '' : `.${fracPart}`}`);
  return Number.isFinite(value) ? value : null;
}

/** An ISO 4217 code or a common symbol ("€", "$", "£") → "EUR", "USD", "GBP". */
export function parseCurrency(raw: string): ValueResult<string> {
  const s = raw.trim();
  if (s === '') return fail('empty', 'no currency');
  const code = CURRENCY_SYMBOLS[s] ?? CURRENCY_SYMBOLS[s.toUpperCase()] ?? s.toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? ok(code) : fail('invalid_currency', `"${raw}" is not a currency code such as EUR or USD`);
}

// ---- synonyms

function synonymParser<T extends string>(table: Record<T, string>, code: ValueErrorCode, what: string) {
  const lookup = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, string][]) {
    for (const w of words.split(',')) lookup.set(normalizeWord(w), value);
  }
  return (raw: string): ValueResult<T> => {
    const key = normalizeWord(raw);
    if (key === '') return fail('empty', `no ${what}`);
    const found = lookup.get(key);
    return found ? ok(found) : fail(code, `"${raw}" is not a known ${what}`);
  };
}

/** Importance from EN/FR words and low/medium/high or P0–P4 scales. */
export const parseImportance = synonymParser<Importance>(
  {
    nice_to_have:
      'nice to have,nice_to_have,nth,low,lowest,minor,optional,could,could have,later,faible,bas,basse,mineur,mineure,secondaire,optionnel,optionnelle,souhaitable,bonus,p3,p4',
    important: 'important,importante,medium,moyen,moyenne,normal,normale,major,majeur,majeure,should,should have,p2',
    critical:
      'critical,critique,urgent,urgente,blocker,blocking,bloquant,bloquante,showstopper,must,must have,high,highest,haut,haute,eleve,elevee,p0,p1,vital,indispensable,essentiel,essentielle',
  },
  'unknown_importance',
  'importance',
);

/** Insight source from channel names and tools (Zendesk → support, HubSpot → sales, …). */
export const parseSource = synonymParser<InsightSource>(
  {
    interview:
      'interview,interviews,entretien,entretiens,call,appel,meeting,reunion,rdv,visio,user research,recherche utilisateur,discovery call',
    support: 'support,ticket,tickets,zendesk,intercom,freshdesk,helpdesk,help desk,service client,sav,chat,email,e mail,mail,courriel',
    sales: 'sales,sale,vente,ventes,commercial,commerciale,crm,hubspot,salesforce,pipedrive,deal,prospect,avant vente,presales,pre sales',
    survey: 'survey,surveys,sondage,enquete,questionnaire,nps,csat,typeform,google forms,form,formulaire',
    portal: 'portal,portail,vote,votes,feedback portal,public portal,portail public,widget,in app',
    import: 'import,imported,importe,csv,spreadsheet,tableur',
    other: 'other,others,autre,autres,divers,misc,unknown,inconnu',
  },
  'unknown_source',
  'source',
);

/** Revenue period: month (monthly, mensuel, MRR) or year (annual, annuel, ARR, CA). */
export const parseRevenuePeriod = synonymParser<RevenuePeriod>(
  {
    month: 'month,monthly,per month,mo,m,mrr,mois,mensuel,mensuelle,par mois',
    year: 'year,yearly,annual,annually,per year,yr,y,arr,acv,an,annee,annuel,annuelle,par an,ca',
  },
  'unknown_period',
  'revenue period',
);

/** Tags split on "," or ";", trimmed, "#" dropped, de-duplicated ignoring case; ≤ 30 tags of ≤ 40 characters. */
export function parseTags(raw: string): ValueResult<string[]> {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of raw.split(/[,;]/)) {
    const tag = part.trim().replace(/^#+/, '').trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    if (tag.length > 40) return fail('invalid_tags', `tag "${tag.slice(0, 40)}…" is longer than 40 characters`);
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags.length > 30 ? fail('invalid_tags', `${tags.length} tags, at most 30`) : ok(tags);
}
