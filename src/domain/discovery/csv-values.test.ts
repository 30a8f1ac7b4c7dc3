import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDateOrder, parseDate } from './csv-dates.js';
import { parseCurrency, parseImportance, parseMoney, parseNumber, parseRevenuePeriod, parseSource, parseTags } from './csv-values.js';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);
const code = (r: { ok: true } | { ok: false; error: { code: string } }) => (r.ok ? 'ok' : r.error.code);

describe('numbers', () => {
  it('reads English and French formats and currencies', () => {
    expect(value(parseNumber('1 234,56'))).toBe(1234.56);
    expect(value(parseNumber('1\u202f234,56'))).toBe(1234.56);
    expect(value(parseNumber('1.234,56 €'))).toBe(1234.56);
    expect(value(parseNumber('1,234.56'))).toBe(1234.56);
    expect(value(parseNumber('$1,234'))).toBe(1234);
    expect(value(parseNumber('-12,5'))).toBe(-12.5);
    expect(value(parseNumber('(1 000)'))).toBe(-1000);
    expect(value(parseNumber("1'234'567"))).toBe(1234567);
    expect(value(parseNumber('0,125'))).toBe(0.125);
    expect(value(parseMoney('1 234 € '))).toEqual({ amount: 1234, currency: 'EUR' });
    expect(value(parseMoney('USD 99.90'))).toEqual({ amount: 99.9, currency: 'USD' });
  });

  it('reads a lone separator before three digits as thousands unless told otherwise', () => {
    expect(value(parseNumber('1,234'))).toBe(1234);
    expect(value(parseNumber('1.234'))).toBe(1234);
    expect(value(parseNumber('1,234', { decimal: ',' }))).toBe(1.234);
    expect(value(parseNumber('1.234', { decimal: '.' }))).toBe(1.234);
  });

  it('rejects what is not a number with a typed error', () => {
    for (const bad of ['abc', '1,2,3', '12 34', '1.2.3,4,5', '€', '1e5', '--1', '€ 5 $'])
      expect(code(parseNumber(bad))).toBe('invalid_number');
    expect(code(parseNumber('  '))).toBe('empty');
  });

  it('round-trips values formatted by English, French, German and Swiss locales', () => {
    const locales = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'de-CH', 'es-ES', 'it-IT'];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom(...locales),
        fc.constantFrom('decimal', 'currency'),
        fc.boolean(),
        (cents, locale, style, grouping) => {
          const n = cents / 100;
          const format = new Intl.NumberFormat(locale, { style, currency: 'EUR', maximumFractionDigits: 2, useGrouping: grouping });
          const parsed = parseNumber(format.format(n));
          expect(parsed.ok ? parsed.value : parsed.error).toBeCloseTo(n, 6);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws and returns a finite number or a typed error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(undefined, ',' as const, '.' as const), (s, decimal) => {
        const r = parseNumber(s, { decimal });
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else expect(['empty', 'invalid_number']).toContain(r.error.code);
      }),
    );
  });
});

describe('dates', () => {
  it('reads ISO, day-first, month-first when provable, and written months', () => {
    expect(value(parseDate('2024-03-05'))).toBe('2024-03-05');
    expect(value(parseDate('2024-03-05T10:30:00+02:00'))).toBe('2024-03-05T08:30:00.000Z');
    expect(value(parseDate('2024-03-05 10:30'))).toBe('2024-03-05T10:30:00.000Z');
    expect(value(parseDate('25/12/2024'))).toBe('2024-12-25');
    expect(value(parseDate('12/25/2024'))).toBe('2024-12-25');
    expect(value(parseDate('05.03.24'))).toBe('2024-03-05');
    expect(value(parseDate('5 mars 2024'))).toBe('2024-03-05');
    expect(value(parseDate('1er avril 2024'))).toBe('2024-04-01');
    expect(value(parseDate('March 5, 2024'))).toBe('2024-03-05');
    expect(value(parseDate('05/03/2024 14:05'))).toBe('2024-03-05T14:05:00.000Z');
  });

  it('resolves ambiguity day-first by default, month-first on request, or rejects', () => {
    expect(value(parseDate('03/04/2024'))).toBe('2024-04-03');
    expect(value(parseDate('03/04/2024', { order: 'mdy' }))).toBe('2024-03-04');
    expect(code(parseDate('03/04/2024', { order: 'reject' }))).toBe('ambiguous_date');
    expect(value(parseDate('04/04/2024', { order: 'reject' }))).toBe('2024-04-04');
    expect(value(parseDate('13/04/2024', { order: 'mdy' }))).toBe('2024-04-13');
  });

  it('infers a column order from the values that prove it', () => {
    expect(inferDateOrder(['01/02/2024', '25/02/2024'])).toBe('dmy');
    expect(inferDateOrder(['01/02/2024', '02/25/2024'])).toBe('mdy');
    expect(inferDateOrder(['01/02/2024', '03/03/2024', '2024-05-30'])).toBeNull();
    expect(inferDateOrder(['13/01/2024', '01/13/2024'])).toBe('mixed');
  });

  it('rejects impossible dates', () => {
    for (const bad of ['31/02/2024', '2023-02-29', '00/01/2024', '2024-13-01', 'yesterday', '12/2024', '2024-03-05T25:00']) {
      expect(code(parseDate(bad))).toBe('invalid_date');
    }
    expect(value(parseDate('29/02/2024'))).toBe('2024-02-29');
  });

  it('round-trips dates formatted as ISO, dd/mm/yyyy and mm/dd/yyyy', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(value(parseDate(iso))).toBe(iso);
        expect(value(parseDate(`${day}/${m}/${y}`))).toBe(iso);
        expect(value(parseDate(`${m}/${day}/${y}`, { order: 'mdy' }))).toBe(iso);
        expect(value(parseDate(`${Number(day)}.${Number(m)}.${y}`))).toBe(iso);
        expect(value(parseDate(d.toISOString()))).toBe(d.toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and returns a date or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 25 }), fc.stringMatching(/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/)), (s) => {
        const r = parseDate(s, { order: 'reject' });
        if (r.ok) expect(Number.isNaN(Date.parse(r.value))).toBe(false);
        else expect(['empty', 'invalid_date', 'ambiguous_date']).toContain(r.error.code);
      }),
    );
  });
});

describe('synonyms and tags', () => {
  it('maps importance, source and period words in both languages', () => {
    expect(['Nice-to-have', 'faible', 'P3', 'Low'].map((s) => value(parseImportance(s)))).toEqual(Array(4).fill('nice_to_have'));
    expect(['Important', 'moyenne', 'Medium', 'majeur'].map((s) => value(parseImportance(s)))).toEqual(Array(4).fill('important'));
    expect(['CRITIQUE', 'Bloquant', 'urgent', 'High', 'P0', 'élevée'].map((s) => value(parseImportance(s)))).toEqual(
      Array(6).fill('critical'),
    );
    expect(code(parseImportance('maybe'))).toBe('unknown_importance');
    expect(['Entretien', 'Zendesk', 'HubSpot', 'Sondage', 'Portail', 'Autre'].map((s) => value(parseSource(s)))).toEqual([
      'interview',
      'support',
      'sales',
      'survey',
      'portal',
      'other',
    ]);
    expect(code(parseSource('carrier pigeon'))).toBe('unknown_source');
    expect(['MRR', 'mensuel', 'ARR', 'annuel', 'CA'].map((s) => value(parseRevenuePeriod(s)))).toEqual([
      'month',
      'month',
      'year',
      'year',
      'year',
    ]);
    expect(value(parseCurrency('€'))).toBe('EUR');
    expect(value(parseCurrency('usd'))).toBe('USD');
    expect(code(parseCurrency('euros'))).toBe('invalid_currency');
  });

  it('splits tags on , or ;, trims, drops # and case-insensitive repeats', () => {
    expect(value(parseTags(' export; #CSV, csv ,, Excel '))).toEqual(['export', 'CSV', 'Excel']);
    expect(value(parseTags(''))).toEqual([]);
    expect(code(parseTags('x'.repeat(41)))).toBe('invalid_tags');
    expect(code(parseTags(Array.from({ length: 31 }, (_, i) => `t${i}`).join(',')))).toBe('invalid_tags');
  });
});
