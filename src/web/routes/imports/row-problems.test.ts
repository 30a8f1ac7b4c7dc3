import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { enDiscovery } from '../../i18n/en-discovery.js';
import { frDiscovery } from '../../i18n/fr-discovery.js';
import { describeNotice, describeRow } from './row-problems.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'fr',
    resources: { en: { translation: enDiscovery }, fr: { translation: frDiscovery } },
    interpolation: { escapeValue: false },
  });
});

const row = (problems: Parameters<typeof describeRow>[1]['problems'], line = 4, endLine = line) => ({
  line,
  endLine,
  reason: 'English reason',
  problems,
});

describe('import report in the reader’s language', () => {
  it('translates every problem of a row with its values and the field’s label', () => {
    const t = i18n.getFixedT('fr');
    const text = describeRow(
      t,
      row([
        { code: 'invalid_value', params: { field: 'receivedAt', value: '31/02/2026', valueCode: 'invalid_date' }, reason: 'x' },
        { code: 'unknown_customer', params: { name: 'Initech' }, reason: 'y' },
      ]),
    );
    expect(text).toBe(
      'Reçu le (date) : « 31/02/2026 » n’est pas une date · Client inconnu « Initech » : importez d’abord les clients, ou choisissez de créer les clients manquants',
    );
    expect(describeRow(i18n.getFixedT('en'), row([{ code: 'column_count', params: { expected: 3, found: 5 }, reason: 'z' }]))).toBe(
      'Expected 3 columns, found 5',
    );
  });

  it('says which lines an unclosed quote took', () => {
    const t = i18n.getFixedT('en');
    expect(describeRow(t, row([{ code: 'unbalanced_quotes', params: { endLine: 9 }, reason: '' }], 7, 9))).toMatch(/line 7 .* lines 7–9/);
  });

  it('keeps the English of rows reported before problems had codes, and of unknown value codes', () => {
    const t = i18n.getFixedT('fr');
    expect(describeRow(t, row([]))).toBe('English reason');
    expect(
      describeRow(t, row([{ code: 'invalid_value', params: { field: 'mystery', value: 'v', valueCode: 'new_code' }, reason: 'r' }])),
    ).toBe('mystery : « v » n’est pas valide');
  });

  it('translates notices with plurals', () => {
    expect(describeNotice(i18n.getFixedT('fr'), { code: 'stopped_on_bad_rows', params: { count: 1 } })).toMatch(
      /^Rien n’a été importé : 1 ligne pose/,
    );
    expect(describeNotice(i18n.getFixedT('en'), { code: 'failed_after_rows', params: { written: 5000, error: 'disk full' } })).toBe(
      'Stopped by an error after 5000 rows were imported (they are kept): disk full',
    );
  });
});
