import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCORING_SETTINGS, type ScoresPatch, scoreFeature } from '../../../domain/scoring/feature-scores.js';
import { ApiError } from '../../api/client.js';
import type { FeatureDto } from '../../api/discovery.js';
import { mergePatch, remainder, ScoreDrafts } from './score-drafts.js';

const settings = DEFAULT_SCORING_SETTINGS;

function feature(version: number, inputs = {}): FeatureDto {
  return {
    id: 'f1',
    workspaceId: 'w',
    productId: null,
    title: 'Export to PDF',
    description: '',
    status: 'idea',
    ownerId: null,
    tags: [],
    insightCount: 0,
    customerCount: 0,
    scores: scoreFeature(inputs, { insights: 0, customers: 0, revenue: 0 }, settings),
    version,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  } as FeatureDto;
}

/** A fake server: remembers what it was sent, answers with the next version (or a conflict). */
function server() {
  const calls: { version: number; patch: ScoresPatch }[] = [];
  let current = 1;
  let conflictWith: FeatureDto | null = null;
  const pending: (() => void)[] = [];
  let hold = false;
  const save = (_id: string, version: number, patch: ScoresPatch) =>
    new Promise<FeatureDto>((resolve, reject) => {
      calls.push({ version, patch });
      const answer = () => {
        if (conflictWith) {
          const theirs = conflictWith;
          conflictWith = null;
          current = theirs.version;
          reject(new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'version_conflict', current: theirs }));
          return;
        }
        if (version !== current) {
          reject(
            new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'version_conflict', current: feature(current) }),
          );
          return;
        }
        current += 1;
        resolve(feature(current));
      };
      if (hold) pending.push(answer);
      else answer();
    });
  return {
    calls,
    save,
    conflictNext: (theirs: FeatureDto) => {
      conflictWith = theirs;
    },
    hold: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      for (const answer of pending.splice(0)) answer();
    },
  };
}

describe('unsaved score edits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('merges keystrokes field by field and keeps only what was typed again after a save', () => {
    const a = mergePatch(undefined, { rice: { reach: 4 } });
    const b = mergePatch(a, { rice: { reach: 45 } });
    const c = mergePatch(b, { rice: { effort: 2 }, custom: { values: { fit: 3 } } });
    expect(c).toEqual({ rice: { reach: 45, effort: 2 }, custom: { values: { fit: 3 } } });
    const d = mergePatch(c, { rice: { reach: 450 }, custom: { values: { risk: 1 } } });
    expect(remainder(d, c)).toEqual({ rice: { reach: 450 }, custom: { values: { risk: 1 } } });
    expect(remainder(c, c)).toBeUndefined();
  });

  it('appends Kano answers added in several edits, and sends only those added while a save was on its way', () => {
    const one = { functional: 'like', dysfunctional: 'neutral' } as const;
    const two = { functional: 'expect', dysfunctional: 'dislike' } as const;
    const sent = mergePatch(undefined, { kano: { addAnswers: [one] } });
    const later = mergePatch(sent, { kano: { addAnswers: [two] } });
    expect(later).toEqual({ kano: { addAnswers: [one, two] } });
    expect(remainder(later, sent)).toEqual({ kano: { addAnswers: [two] } });
    expect(remainder(sent, sent)).toBeUndefined();
    // A rewritten survey replaces what was appended before it.
    expect(mergePatch(later, { kano: { answers: [two] } })).toEqual({ kano: { answers: [two] } });
    expect(mergePatch({ kano: { answers: [two] } }, { kano: { addAnswers: [one] } })).toEqual({
      kano: { answers: [two], addAnswers: [one] },
    });
  });

  it('saves once after the typing stops, with the version the edit started from', async () => {
    const api = server();
    const saved: FeatureDto[] = [];
    const store = new ScoreDrafts({ save: api.save, onSaved: (f) => saved.push(f), settings: () => settings, delay: 500 });
    for (const reach of [4, 45, 450]) {
      store.edit(feature(1), { rice: { reach } });
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(api.calls).toHaveLength(0);
    expect(store.getSnapshot().status.get('f1')?.state).toBe('dirty');
    await vi.advanceTimersByTimeAsync(500);
    expect(api.calls).toEqual([{ version: 1, patch: { rice: { reach: 450 } } }]);
    expect(saved.map((f) => f.version)).toEqual([2]);
    expect(store.getSnapshot().drafts.has('f1')).toBe(false);
    expect(store.getSnapshot().status.get('f1')?.state).toBe('saved');
  });

  it('what is typed while a save is on its way goes in the next save, on the new version', async () => {
    const api = server();
    const store = new ScoreDrafts({ save: api.save, onSaved: () => undefined, settings: () => settings, delay: 100 });
    api.hold();
    store.edit(feature(1), { rice: { reach: 450 } });
    await vi.advanceTimersByTimeAsync(100);
    store.edit(feature(1), { rice: { effort: 2 } });
    expect(store.getSnapshot().status.get('f1')?.state).toBe('saving');
    api.release();
    await vi.advanceTimersByTimeAsync(100);
    expect(api.calls).toEqual([
      { version: 1, patch: { rice: { reach: 450 } } },
      { version: 2, patch: { rice: { effort: 2 } } },
    ]);
    expect(store.getSnapshot().drafts.has('f1')).toBe(false);
  });

  it('a value the domain refuses is not sent, and says why', async () => {
    const api = server();
    const store = new ScoreDrafts({ save: api.save, onSaved: () => undefined, settings: () => settings, delay: 100 });
    store.edit(feature(1), { rice: { confidence: 80 } });
    await vi.advanceTimersByTimeAsync(500);
    expect(api.calls).toHaveLength(0);
    const status = store.getSnapshot().status.get('f1');
    expect(status?.state).toBe('invalid');
    expect(status?.errors?.[0]).toMatchObject({ field: 'scores.rice.confidence', message: 'must be at most 1 (a fraction: 80% is 0.8)' });
    // Fixing it sends the fixed value.
    store.edit(feature(1), { rice: { confidence: 0.8 } });
    await vi.advanceTimersByTimeAsync(100);
    expect(api.calls).toEqual([{ version: 1, patch: { rice: { confidence: 0.8 } } }]);
  });

  it('someone else saved first: nothing is overwritten until the person chooses', async () => {
    const api = server();
    const saved: FeatureDto[] = [];
    const store = new ScoreDrafts({ save: api.save, onSaved: (f) => saved.push(f), settings: () => settings, delay: 100 });
    const theirs = feature(5, { rice: { reach: 300 } });
    api.conflictNext(theirs);
    store.edit(feature(1), { rice: { effort: 3 } });
    await vi.advanceTimersByTimeAsync(100);
    const status = store.getSnapshot().status.get('f1');
    expect(status?.state).toBe('conflict');
    expect(status?.current?.scores.rice.reach).toBe(300);
    // Typing more does not send anything while the conflict is open.
    store.edit(feature(1), { rice: { effort: 4 } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.calls).toHaveLength(1);
    // Keep mine: their feature becomes the base, my edit is saved on their version.
    store.keepMine('f1');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls[1]).toEqual({ version: 5, patch: { rice: { effort: 4 } } });
    expect(saved.map((f) => f.version)).toEqual([5, 6]);
  });

  it('use theirs drops the edit and shows their values', async () => {
    const api = server();
    const saved: FeatureDto[] = [];
    const store = new ScoreDrafts({ save: api.save, onSaved: (f) => saved.push(f), settings: () => settings, delay: 100 });
    api.conflictNext(feature(7, { rice: { reach: 300 } }));
    store.edit(feature(1), { rice: { reach: 999 } });
    await vi.advanceTimersByTimeAsync(100);
    store.takeTheirs('f1');
    expect(store.getSnapshot().drafts.has('f1')).toBe(false);
    expect(store.getSnapshot().status.has('f1')).toBe(false);
    expect(saved.map((f) => [f.version, f.scores.rice.reach])).toEqual([[7, 300]]);
  });
});
