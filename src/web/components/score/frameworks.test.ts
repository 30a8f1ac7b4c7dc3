import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SETTINGS } from '../../../domain/scoring/feature-scores.js';
import { moveFramework, orderedFrameworks, preferredFrameworks, substitute } from './frameworks.js';

describe('the frameworks a feature is scored with', () => {
  const wsjfByDefault = { ...DEFAULT_SCORING_SETTINGS, defaultFramework: 'wsjf' as const };

  it("are its product's, in the product's order", () => {
    expect(preferredFrameworks({ scoringFrameworks: ['kano', 'rice'] }, wsjfByDefault)).toEqual(['kano', 'rice']);
  });

  it("are the workspace's default framework without a product (or before the settings load, none)", () => {
    expect(preferredFrameworks(null, wsjfByDefault)).toEqual(['wsjf']);
    expect(preferredFrameworks(undefined, wsjfByDefault)).toEqual(['wsjf']);
    expect(preferredFrameworks({ scoringFrameworks: [] }, wsjfByDefault)).toEqual(['wsjf']);
    expect(preferredFrameworks(null, null)).toEqual([]);
  });

  it('offer the other frameworks after them', () => {
    expect(orderedFrameworks(['kano', 'rice']).slice(0, 3)).toEqual(['kano', 'rice', 'ice']);
    expect(orderedFrameworks(['kano', 'rice'])).toHaveLength(7);
  });
});

describe('reordering a product’s frameworks', () => {
  it('moves one place up or down, and not past either end', () => {
    expect(moveFramework(['rice', 'ice', 'kano'], 2, -1)).toEqual(['rice', 'kano', 'ice']);
    expect(moveFramework(['rice', 'ice', 'kano'], 0, 1)).toEqual(['ice', 'rice', 'kano']);
    expect(moveFramework(['rice', 'ice'], 0, -1)).toEqual(['rice', 'ice']);
    expect(moveFramework(['rice', 'ice'], 1, 1)).toEqual(['rice', 'ice']);
  });
});

describe('the custom formula with a feature’s numbers', () => {
  const labels = { number: (v: number) => String(v) };
  it('puts each value in place of its name, and a driver’s weight in place of weight(name)', () => {
    expect(substitute('weight(fit) * fit + max(insights, 1)', { fit: 3, insights: 7 }, labels, { fit: 2 })).toBe('2 * 3 + max(7, 1)');
    expect(substitute('weight( fit )*fit', { fit: 3 }, labels, { fit: 0.5 })).toBe('0.5*3');
    // Without that weight the text stays as written.
    expect(substitute('weight(other) + fit', { fit: 3 }, labels, {})).toBe('weight(other) + 3');
  });
});
