import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessCustomerMapping, guessInsightMapping, neutraliseFormula } from './csv-mapping.js';
import { domainOf, mapCustomerRow, mapInsightRow } from './csv-rows.js';

describe('header mapping', () => {
  it('maps common English and French insight headers', () => {
    const headers = ['Date', 'Client', 'Commentaire', 'Email', 'Nom', 'Étiquettes', 'Priorité', 'Canal', 'Ticket ID', 'Whatever'];
    const m = guessInsightMapping(headers);
    expect(m.fields).toEqual({
      receivedAt: 0,
      customerName: 1,
      text: 2,
      personEmail: 3,
      personName: 4,
      tags: 5,
      importance: 6,
      source: 7,
      externalId: 8,
    });
    expect(m.unmapped).toEqual([9]);
    expect(guessInsightMapping(['Feedback', 'Company', 'Customer email', 'Website', 'Created at']).fields).toEqual({
      text: 0,
      customerName: 1,
      customerEmail: 2,
      customerDomain: 3,
      receivedAt: 4,
    });
  });

  it('maps customer headers and reads the revenue period and currency from the header', () => {
    const m = guessCustomerMapping(['Société', 'Site web', 'Segment', 'Offre', 'Effectif', 'CA (€)', 'ID CRM']);
    expect(m.fields).toEqual({ name: 0, domain: 1, segment: 2, plan: 3, size: 4, revenue: 5, externalId: 6 });
    expect(m.revenuePeriod).toBe('year');
    expect(m.currency).toBe('EUR');
    expect(guessCustomerMapping(['Name', 'MRR', 'Currency']).revenuePeriod).toBe('month');
    expect(guessCustomerMapping(['Account', 'ARR USD']).fields.revenue).toBe(1);
    expect(guessCustomerMapping(['Account', 'ARR USD'])).toMatchObject({ revenuePeriod: 'year', currency: 'USD' });
  });

  it('never maps one column to two fields or one field to two columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Client', 'Customer', 'Nom', 'Name', 'Email', 'Date', 'Feedback', 'Texte', 'MRR', 'ARR', 'x'), {
          maxLength: 12,
        }),
        (headers) => {
          for (const m of [guessInsightMapping(headers), guessCustomerMapping(headers)]) {
            const columns = Object.values(m.fields);
            expect(new Set(columns).size).toBe(columns.length);
            expect(columns.length + m.unmapped.length).toBe(headers.length);
          }
        },
      ),
    );
  });
});

describe('rows', () => {
  const headers = ['Date', 'Société', 'Email client', 'Feedback', 'Priorité', 'Tags', 'Source'];
  const mapping = guessInsightMapping(headers);

  it('maps a valid insight row, deriving the customer domain from the e-mail', () => {
    const r = mapInsightRow(['05/03/2024', 'Acme', 'Jo@Acme.com', '  Export CSV svp ', 'critique', 'export;csv', ''], mapping, {
      headers,
      line: 2,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        text: 'Export CSV svp',
        source: 'import',
        customer: { name: 'Acme', email: 'jo@acme.com', domain: 'acme.com' },
        personName: null,
        personEmail: null,
        tags: ['export', 'csv'],
        importance: 'critical',
        externalId: null,
        receivedAt: '2024-03-05',
      },
    });
  });

  it('reports every bad cell of a row with its line and column', () => {
    const r = mapInsightRow(['31/02/2024', '', 'not-an-email', '', 'maybe', '', 'pigeon'], mapping, { headers, line: 7 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [7, 'Feedback', 'required'],
      [7, 'Email client', 'invalid_email'],
      [7, 'Source', 'unknown_source'],
      [7, 'Priorité', 'unknown_importance'],
      [7, 'Date', 'invalid_date'],
    ]);
  });

  it('maps a customer row keeping currencies as written', () => {
    const h = ['Société', 'Site web', 'Segment', 'Effectif', 'CA (€)'];
    const m = guessCustomerMapping(h);
    expect(mapCustomerRow(['Acme', 'https://www.acme.fr/', 'PME', '1 200', '120 000'], m, { headers: h, line: 2 })).toEqual({
      ok: true,
      value: {
        name: 'Acme',
        domain: 'acme.fr',
        segment: 'PME',
        plan: null,
        size: 1200,
        revenue: 120000,
        currency: 'EUR',
        revenuePeriod: 'year',
        externalId: null,
      },
    });
    expect(mapCustomerRow(['Acme', '', '', '12', '$100'], m, { headers: h, line: 3 })).toMatchObject({
      ok: true,
      value: { revenue: 100, currency: 'USD' },
    });
    expect(mapCustomerRow(['Acme', '', '', '12.5', ''], m, { headers: h, line: 3 })).toMatchObject({
      ok: false,
      errors: [{ field: 'size' }],
    });
    const usd = guessCustomerMapping(['Name', 'Revenue', 'Currency']);
    const bad = mapCustomerRow(['Acme', '100 €', 'USD'], usd, { headers: ['Name', 'Revenue', 'Currency'], line: 4 });
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(['invalid_currency']);
    expect(mapCustomerRow(['', '', '', '-3', ''], m, { headers: h, line: 5 })).toMatchObject({ ok: false });
  });

  it('extracts company domains and ignores free mail providers', () => {
    expect(domainOf('jo@acme.com')).toBe('acme.com');
    expect(domainOf('HTTPS://www.Acme.co.uk:443/path')).toBe('acme.co.uk');
    expect(domainOf('jo@gmail.com')).toBeNull();
    expect(domainOf('not a domain')).toBeNull();
  });
});

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would run as a formula', () => {
    for (const c of ['=1+1', '+33 6 12', '-12', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])
      expect(neutraliseFormula(c)).toBe(`'${c}`);
    for (const c of ['hello', '', ' =1', "'=1", '12', 'a=b']) expect(neutraliseFormula(c)).toBe(c);
  });

  it('never leaves a dangerous first character and only ever adds one quote', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseFormula(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});
