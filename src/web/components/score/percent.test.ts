import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkField, RICE_FIELDS } from '../../../domain/scoring/index.js';
import { fractionFromPercent, percentText } from './percent.js';

const confidence = RICE_FIELDS.find((f) => f.name === 'confidence')!;

describe('RICE confidence typed in percent', () => {
  it('carries the percentage as a fraction', () => {
    expect(fractionFromPercent('80')).toBe(0.8);
    expect(fractionFromPercent(' 65,5 % ')).toBe(0.655);
    expect(fractionFromPercent('100')).toBe(1);
    expect(fractionFromPercent('1')).toBe(0.01);
    expect(fractionFromPercent('7')).toBe(0.07);
  });

  it('is missing when empty, invalid outside 1–100 or when not a number', () => {
    expect(fractionFromPercent('')).toBeNull();
    expect(fractionFromPercent('  ')).toBeNull();
    for (const bad of ['0', '0.5', '101', '-5', 'lots', '80%%']) expect(fractionFromPercent(bad), bad).toBe('invalid');
  });

  it('shows a fraction as its percentage, without floating-point noise', () => {
    expect(percentText(0.8)).toBe('80');
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.655)).toBe('65.5');
    expect(percentText(null)).toBe('');
  });

  it('property: any percentage from 1 to 100 (two decimals) round-trips, and is a confidence the domain accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 10_000 }), (hundredths) => {
        const typed = String(hundredths / 100);
        const fraction = fractionFromPercent(typed);
        expect(typeof fraction).toBe('number');
        expect(checkField(confidence, fraction)).toBeNull();
        expect(percentText(fraction as number)).toBe(typed);
      }),
    );
  });
});
