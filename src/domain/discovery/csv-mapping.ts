/**
 * CSV import and export helpers: guess which column holds which field from the header row
 * (English and French names), and neutralise formula-looking cells on export.
 */

import { normalizeWord } from './csv-values.js';
import type { RevenuePeriod } from './types.js';

export const INSIGHT_FIELDS = [
  'text',
  'source',
  'customerName',
  'customerEmail',
  'customerDomain',
  'personName',
  'personEmail',
  'tags',
  'importance',
  'externalId',
  'receivedAt',
] as const;
export type InsightField = (typeof INSIGHT_FIELDS)[number];

export const CUSTOMER_FIELDS = ['name', 'domain', 'segment', 'plan', 'size', 'revenue', 'currency', 'revenuePeriod', 'externalId'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

const COMPANY = 'client,customer,company,societe,entreprise,account,compte,organisation,organization,raison sociale';
const DOMAIN = 'domain,domaine,website,site,site web,site internet,url,web';
const EXTERNAL_ID = 'id,external id,identifiant,reference,ref,uid,numero,no';

/** Header names per field, comma-separated, in the normalised form of `normalizeWord`. */
const INSIGHT_HEADERS: Record<InsightField, string> = {
  text: 'feedback,feedbacks,text,texte,comment,comments,commentaire,commentaires,message,description,verbatim,note,notes,body,content,contenu,remarque,remarques,avis,retour,retour client,insight,request,demande,besoin,need,suggestion,details,question,problem,probleme',
  source: 'source,origin,origine,channel,canal,provenance,source type',
  customerName: `${COMPANY},customer name,client name,company name,nom client,nom du client,nom de la societe,nom entreprise`,
  customerEmail: 'customer email,client email,email client,mail client,company email,email societe',
  customerDomain: `${DOMAIN},customer domain,company domain,domaine client`,
  personName:
    'name,nom,full name,nom complet,contact,contact name,person,personne,author,auteur,submitted by,user,user name,utilisateur,interlocuteur,requester,demandeur,prenom nom',
  personEmail: 'email,e mail,mail,courriel,email address,adresse email,adresse mail,contact email,user email,author email,email contact',
  tags: 'tags,tag,labels,label,etiquettes,etiquette,categories,category,categorie,theme,themes,topics,topic,mots cles',
  importance: 'importance,priority,priorite,severity,severite,urgency,urgence,criticite,criticality,impact',
  externalId: `${EXTERNAL_ID},ticket,ticket id,ticket number,numero de ticket,feedback id`,
  receivedAt:
    'date,created,created at,created on,creation date,date de creation,received,received at,date de reception,submitted at,submitted on,timestamp,horodatage,date du retour,feedback date',
};

const CUSTOMER_HEADERS: Record<CustomerField, string> = {
  name: `${COMPANY},name,nom,customer name,client name,company name,nom client,nom du client,nom de la societe`,
  domain: `${DOMAIN},company domain`,
  segment: 'segment,tier,customer segment,segment client,market,marche,secteur,category,categorie,type,type de client',
  plan: 'plan,offre,formule,subscription,abonnement,pricing plan,edition,forfait',
  size: 'size,taille,employees,employes,salaries,effectif,effectifs,headcount,company size,nombre d employes,nb salaries',
  revenue:
    'revenue,revenu,revenus,mrr,arr,acv,ca,chiffre d affaires,montant,amount,contract value,valeur du contrat,monthly revenue,annual revenue,revenu mensuel,revenu annuel,ca annuel',
  currency: 'currency,devise,monnaie,currency code',
  revenuePeriod: 'period,periode,revenue period,billing period,periodicite,frequency,frequence,billing cycle,cycle de facturation',
  externalId: `${EXTERNAL_ID},crm id,customer id,client id,account id,hubspot id,salesforce id,id client`,
};

/** Header words that say the revenue's period ("MRR", "CA annuel"). */
const PERIOD_HINTS: [RegExp, RevenuePeriod][] = [
  [/\b(mrr|monthly|mensuel|mensuelle|mois|month)\b/, 'month'],
  [/\b(arr|acv|ca|annual|annuel|annuelle|yearly|year|an|chiffre d affaires)\b/, 'year'],
];
const CURRENCY_HINT = /(?:^|[\s(])(eur|usd|gbp|chf|cad|aud|jpy|€|\$|£)(?:$|[\s)])/i;
const CURRENCY_OF: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };

export interface ColumnMapping<F extends string> {
  /** Field → 0-based column index. */
  fields: Partial<Record<F, number>>;
  /** Columns no field claimed, to show as "ignored". */
  unmapped: number[];
  /** Period implied by the revenue column's header (MRR → month, ARR/CA → year), if any. */
  revenuePeriod?: RevenuePeriod;
  /** Currency written in the revenue column's header ("MRR (€)"), if any. */
  currency?: string;
}

function lookupOf<F extends string>(table: Record<F, string>): Map<string, F[]> {
  const m = new Map<string, F[]>();
  for (const [field, names] of Object.entries(table) as [F, string][]) {
    for (const name of names.split(',')) m.set(normalizeWord(name), [...(m.get(normalizeWord(name)) ?? []), field]);
  }
  return m;
}

const INSIGHT_LOOKUP = lookupOf(INSIGHT_HEADERS);
const CUSTOMER_LOOKUP = lookupOf(CUSTOMER_HEADERS);

/**
 * Scores how well a header names a field: 1 for an exact synonym, otherwise the best synonym
 * all of whose words appear in the header ("Customer feedback text" ⊇ "feedback"), weighted by
 * how much of the header it covers; 0 for no match.
 */
function scores<F extends string>(header: string, lookup: Map<string, F[]>): Map<F, number> {
  const h = normalizeWord(header.replace(/\(.*?\)/g, ' '));
  const words = new Set(h.split(' '));
  const out = new Map<F, number>();
  for (const [name, fields] of lookup) {
    const nameWords = name.split(' ');
    let score = 0;
    if (name === h) score = 1;
    else if (nameWords.every((w) => words.has(w))) score = 0.4 + (0.5 * nameWords.length) / words.size;
    for (const f of fields) if (score > (out.get(f) ?? 0)) out.set(f, score);
  }
  return out;
}

function guess<F extends string>(headers: readonly string[], lookup: Map<string, F[]>, order: readonly F[]): ColumnMapping<F> {
  const candidates: { column: number; field: F; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const [field, score] of scores(header, lookup)) candidates.push({ column, field, score });
  });
  // Best score first; ties go to the earlier column, then to the field listed first.
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || order.indexOf(a.field) - order.indexOf(b.field));
  const fields: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (used.has(c.column) || fields[c.field] !== undefined) continue;
    fields[c.field] = c.column;
    used.add(c.column);
  }
  return { fields, unmapped: headers.map((_, i) => i).filter((i) => !used.has(i)) };
}

/** Guesses the insight field of each column from a header row; the user confirms or corrects it. */
export function guessInsightMapping(headers: readonly string[]): ColumnMapping<InsightField> {
  return guess(headers, INSIGHT_LOOKUP, INSIGHT_FIELDS);
}

/** Guesses customer fields, plus the revenue period and currency the revenue header implies. */
export function guessCustomerMapping(headers: readonly string[]): ColumnMapping<CustomerField> {
  const mapping = guess(headers, CUSTOMER_LOOKUP, CUSTOMER_FIELDS);
  const column = mapping.fields.revenue;
  if (column !== undefined) {
    const header = headers[column]!;
    const words = normalizeWord(header);
    const period = PERIOD_HINTS.find(([re]) => re.test(words));
    if (period) mapping.revenuePeriod = period[1];
    const currency = CURRENCY_HINT.exec(header)?.[1];
    if (currency) mapping.currency = CURRENCY_OF[currency] ?? currency.toUpperCase();
  }
  return mapping;
}

/**
 * Makes a cell safe to open in a spreadsheet (OWASP "CSV injection"): a cell starting with
 * =, +, -, @, tab or carriage return would be run as a formula, so it gets a leading single
 * quote. Negative numbers are quoted too ("'-12"): the price of never guessing. Quoting the
 * cell for CSV (commas, quotes, newlines) remains the CSV writer's job.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
