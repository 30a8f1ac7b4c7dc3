import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SETTINGS } from '../../../domain/scoring/feature-scores.js';
import { moveFramework, orderedFrameworks, preferredFrameworks } from './frameworks.js';

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
