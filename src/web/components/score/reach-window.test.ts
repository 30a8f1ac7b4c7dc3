import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SETTINGS, scoreFeature } from '../../../domain/scoring/feature-scores.js';
import { draftedReach, draftWindow } from './reach-window.js';

const since = '2026-09-05T00:00:00.000Z';
const evidence = { insights: 5, customers: 3, revenue: 0, window: { days: 90, since, insights: 3, customers: 2 } };
const rice = (inputs: object) =>
  scoreFeature({ rice: { impact: 1, confidence: 1, effort: 1, reachSource: 'insights', ...inputs } }, evidence, DEFAULT_SCORING_SETTINGS)
    .rice;
const quotes = [
  { receivedAt: '2026-12-01T09:00:00.000Z', customer: { id: 'a' } },
  { receivedAt: '2026-11-20T09:00:00.000Z', customer: { id: 'b' } },
  { receivedAt: '2026-10-01T09:00:00.000Z', customer: { id: 'b' } },
  { receivedAt: '2025-01-01T09:00:00.000Z', customer: null },
];
const now = new Date('2026-12-03T12:00:00.000Z');

describe('a reach window chosen but not saved yet', () => {
  it('reads the source and days of the edit over the saved ones', () => {
    expect(draftedReach(rice({ reachWindowDays: 90 }), { rice: { reachWindowDays: 30 } })).toEqual({ source: 'insights', days: 30 });
    expect(draftedReach(rice({ reachWindowDays: 90 }), { rice: { reachWindowDays: null } })).toEqual({ source: 'insights', days: null });
    expect(draftedReach(rice({}), undefined)).toEqual({ source: 'insights', days: null });
  });

  it('is counted from the linked insights with the domain rule (the window ends today)', () => {
    expect(draftWindow(rice({ reachWindowDays: 90 }), { rice: { reachWindowDays: 30 } }, quotes, now)).toEqual({
      days: 30,
      since: '2026-11-04T00:00:00.000Z',
      insights: 2,
      customers: 2,
    });
  });

  it("leaves the server's counts when they apply, and waits for the links otherwise", () => {
    expect(draftWindow(rice({ reachWindowDays: 90 }), undefined, quotes, now)).toBeUndefined();
    expect(draftWindow(rice({ reachWindowDays: 90 }), { rice: { reachWindowDays: null } }, quotes, now)).toBeUndefined();
    expect(draftWindow(rice({ reachWindowDays: 90 }), { rice: { reachWindowDays: 30 } }, undefined, now)).toBeNull();
    expect(draftWindow(rice({ reachWindowDays: 90 }), { rice: { reachSource: 'manual' } }, quotes, now)).toBeUndefined();
  });
});
