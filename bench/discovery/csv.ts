/**
 * Deterministic product-feedback CSV for the discovery benchmark: English and French text of
 * 10–40 words, ~500 customers, a source, a date, tags and an external id per row.
 */

const EN = (
  'the export to csv is too slow when we have many rows and the dashboard freezes ' +
  'please add single sign on for our team billing page is confusing invoice missing ' +
  'we need an api webhook for new tickets search does not find older notes ' +
  'mobile app crashes after login onboarding was great but permissions are hard ' +
  'integration with slack and jira would save hours reporting charts look wrong ' +
  'dark mode please calendar sync fails sometimes customers ask for bulk edit'
).split(' ');
const FR = (
  "l'export en csv est trop lent quand le tableau de bord contient beaucoup de lignes " +
  'merci d’ajouter la connexion unique pour notre équipe la facture est introuvable ' +
  'nous avons besoin d’un webhook pour les nouveaux tickets la recherche ne trouve pas ' +
  "l'application mobile plante après la connexion les droits sont compliqués " +
  'intégration avec slack et jira gagnerait des heures les graphiques sont faux ' +
  'mode sombre svp la synchronisation du calendrier échoue parfois modification en masse'
).split(' ');
/** Rare words: one row in a few thousand mentions one, so searches for them match a handful of rows. */
export const RARE = ['zapier', 'kerberos', 'hubspot', 'parquet', 'grafana', 'accessibilité', 'rétroplanning', 'xliff'];
const TAGS = ['export', 'billing', 'sso', 'mobile', 'search', 'api', 'ux', 'performance', 'facturation', 'intégration'];
const SOURCES = ['support', 'support', 'sales', 'interview', 'survey', 'portal'];
const PREFIXES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Aperture',
  'Gringotts',
  'Oscorp',
  'Massive',
  'Nakatomi',
  'Monarch',
  'Dunder',
  'Pied Piper',
];
const SUFFIXES = [
  'SA',
  'SAS',
  'Inc',
  'GmbH',
  'Ltd',
  'Labs',
  'Group',
  'Studio',
  'Partners',
  'Systems',
  'Logistique',
  'Santé',
  'Retail',
  'Finance',
  'Media',
  'Cloud',
  'Energy',
  'Foods',
  'Mobility',
  'Conseil',
  'Bank',
  'Travel',
  'Games',
  'Sport',
  'Immo',
];

/** Search words for the cases: common ones in both languages and the rare ones. */
export const QUERY_WORDS = ['export', 'slow', 'facture', 'connexion', 'webhook', 'dashboard', 'jira', 'graphiques', ...RARE];
export const QUERY_PAIRS = [
  'export csv',
  'mobile crashes',
  'facture introuvable',
  'slack jira',
  'mode sombre',
  'zapier webhook',
  'kerberos sign',
  'parquet export',
];

/** mulberry32: a small seeded generator so every run imports the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const CSV_MAPPING = {
  Feedback: 'text',
  Client: 'customer',
  Source: 'source',
  Date: 'receivedAt',
  Tags: 'tags',
  Ref: 'externalId',
};

/** Rows first..first+count-1 (external ids follow the row number, so chunks never collide). */
export function insightsCsv(first: number, count: number): string {
  const next = random(first + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const lines = ['Feedback,Client,Source,Date,Tags,Ref'];
  for (let n = first; n < first + count; n++) {
    const words = pick([EN, EN, FR]);
    const length = 10 + Math.floor(next() * 31);
    const text: string[] = [];
    for (let w = 0; w < length; w++) text.push(pick(words));
    if (next() < 0.002) text.splice(Math.floor(next() * length), 0, pick(RARE));
    const customer = Math.floor(next() * 500);
    const client = `${PREFIXES[customer % PREFIXES.length]} ${SUFFIXES[Math.floor(customer / PREFIXES.length)]}`;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10);
    const tags = [pick(TAGS), pick(TAGS)].join(';');
    lines.push([quote(text.join(' ')), quote(client), pick(SOURCES), day, quote(tags), `FB-${n}`].join(','));
  }
  return `${lines.join('\n')}\n`;
}
