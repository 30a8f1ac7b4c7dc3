/** The fields a CSV column can be mapped to, per kind of import (as the API takes them). */
export const IMPORT_FIELDS = {
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
} as const;

export type ImportKind = keyof typeof IMPORT_FIELDS;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];

export const REQUIRED_FIELD: Record<ImportKind, ImportField> = { insights: 'text', customers: 'name' };

const COMPANY = 'client, customer, company, societe, entreprise, account, compte, organisation, organization, raison sociale';
const DOMAIN = 'domain, domaine, website, site, site web, site internet, url';
const ID = 'id, ref, reference, external id, identifiant, numero, no, uid';

/** Header names per field, in the normalised form of `normalizeHeader`, English and French. */
const HEADERS: Record<ImportKind, Partial<Record<ImportField, string>>> = {
  insights: {
    text: 'feedback, feedbacks, text, texte, comment, comments, commentaire, commentaires, retour, retours, retour client, message, verbatim, description, note, notes, body, content, contenu, remarque, remarques, avis, insight, insights, demande, request, suggestion, besoin, need',
    source: 'source, origin, origine, channel, canal, provenance, source type',
    customer: `${COMPANY}, customer name, client name, company name, nom client, nom du client, nom de la societe, nom entreprise`,
    customerDomain: `${DOMAIN}, customer domain, company domain, domaine client`,
    customerExternalId: 'customer id, client id, account id, company id, id client, id compte, crm id, customer external id',
    personName:
      'name, nom, contact, contact name, person, personne, author, auteur, user, user name, utilisateur, full name, nom complet, submitted by, requester, demandeur, interlocuteur, prenom nom',
    personEmail: 'email, e mail, mail, courriel, email address, adresse email, adresse mail, contact email, user email, author email',
    tags: 'tags, tag, etiquettes, etiquette, labels, label, categories, category, categorie, theme, themes, topic, topics, mots cles',
    importance: 'importance, priority, priorite, severity, severite, urgency, urgence, criticite, criticality, impact',
    externalId: `${ID}, ticket, ticket id, ticket number, numero de ticket, feedback id`,
    receivedAt:
      'date, created, created at, created on, creation date, date de creation, received, received at, date de reception, submitted at, submitted on, timestamp, horodatage, date du retour, feedback date',
    product: 'product, produit, app, application, product name, nom du produit',
  },
  customers: {
    name: `${COMPANY}, name, nom, customer name, client name, company name, nom client, nom du client, nom de la societe`,
    domain: `${DOMAIN}, company domain`,
    segment: 'segment, tier, customer segment, segment client, market, marche, secteur, type de client',
    plan: 'plan, offre, formule, subscription, abonnement, pricing plan, edition, forfait',
    size: 'size, taille, employees, employes, salaries, effectif, effectifs, headcount, company size',
    revenue:
      'revenue, revenu, revenus, mrr, arr, acv, ca, chiffre d affaires, montant, amount, contract value, monthly revenue, annual revenue, ca annuel, ca mensuel',
    currency: 'currency, devise, monnaie, currency code',
    revenuePeriod: 'period, periode, revenue period, billing period, periodicite, frequency, frequence, billing cycle',
    externalId: `${ID}, crm id, customer id, client id, account id, id client, hubspot id, salesforce id`,
  },
};

/** "Société (nom)" → "societe nom": lower case, accents and punctuation gone. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function lookup(kind: ImportKind): [ImportField, string[]][] {
  return Object.entries(HEADERS[kind]).map(([field, list]) => [field as ImportField, (list as string).split(',').map((s) => s.trim())]);
}

/**
 * Guesses which column holds which field from the header row. Exact names win; then a
 * header that contains a known name (starting with it counts most, then the longest
 * name). Each field goes to one column at most.
 */
export function guessMapping(headers: string[], kind: ImportKind): Record<string, ImportField> {
  const table = lookup(kind);
  const taken = new Set<ImportField>();
  const out: Record<string, ImportField> = {};
  const normalized = headers.map(normalizeHeader);

  normalized.forEach((header, i) => {
    const column = headers[i];
    if (column === undefined || !header) return;
    for (const [field, names] of table) {
      if (!taken.has(field) && names.includes(header)) {
        out[column] = field;
        taken.add(field);
        return;
      }
    }
  });

  normalized.forEach((header, i) => {
    const column = headers[i];
    if (column === undefined || !header || out[column]) return;
    const padded = ` ${header} `;
    let best: { field: ImportField; score: number } | null = null;
    for (const [field, names] of table) {
      if (taken.has(field)) continue;
      for (const name of names) {
        if (!padded.includes(` ${name} `)) continue;
        const score = (header.startsWith(`${name} `) || header === name ? 1000 : 0) + name.length;
        if (!best || score > best.score) best = { field, score };
      }
    }
    if (best) {
      out[column] = best.field;
      taken.add(best.field);
    }
  });
  return out;
}
