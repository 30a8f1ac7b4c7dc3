import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  joinHighlights,
  type MergeableInsight,
  type MergeableLink,
  mergeInsights,
  mergeLinks,
  mergeManyInsights,
  mergeNeedsConfirmation,
  quoteOf,
  unionTags,
} from './merge.js';
import { IMPORTANCE_LEVELS, maxImportance } from './types.js';

const insight = (id: string, extra: Partial<MergeableInsight> = {}): MergeableInsight => ({
  id,
  text: `Text of ${id}`,
  source: 'support',
  customer: null,
  tags: [],
  importance: 'nice_to_have',
  status: 'new',
  mergedIntoId: null,
  receivedAt: '2024-03-05T10:00:00.000Z',
  ...extra,
});
const link = (
  featureId: string,
  insightId: string,
  importance: MergeableLink['importance'] = 'important',
  highlight: string | null = null,
): MergeableLink => ({
  featureId,
  insightId,
  importance,
  highlight,
});

describe('mergeInsights', () => {
  const a = insight('A', {
    text: 'Export to CSV please',
    tags: ['export', 'CSV'],
    importance: 'important',
    customer: { id: 'c1', name: 'Acme' },
    status: 'triaged',
  });
  const b = insight('B', {
    text: 'We need a CSV export.\nUrgent for our finance team.',
    tags: ['csv', 'finance'],
    importance: 'critical',
    source: 'sales',
    customer: { id: 'c2', name: 'Beta' },
  });

  it('keeps both texts, unites tags, takes the higher importance and archives B with a pointer', () => {
    const r = mergeInsights(a, b, [link('f1', 'A'), link('f2', 'B')]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.target.text).toBe(
      'Export to CSV please\n\n> We need a CSV export.\n> Urgent for our finance team.\n>\n> — Beta, sales, 2024-03-05',
    );
    expect(r.target.tags).toEqual(['export', 'CSV', 'finance']);
    expect(r.target.importance).toBe('critical');
    expect(r.target.status).toBe('linked');
    expect(r.target.customer).toEqual({ id: 'c1', name: 'Acme' });
    expect(r.duplicate).toMatchObject({ id: 'B', status: 'archived', mergedIntoId: 'A', text: b.text });
    expect(r.links).toEqual([link('f1', 'A'), link('f2', 'A')]);
    expect(r.warnings).toEqual([{ kind: 'customer_dropped', customer: { id: 'c2', name: 'Beta' }, featureIds: ['f2'] }]);
    expect(mergeNeedsConfirmation(r.warnings)).toBe(true);
  });

  it('asks for confirmation only when a customer would be dropped', () => {
    const same = mergeInsights(a, { ...b, customer: a.customer }, [link('f1', 'B')]);
    expect(same.ok && mergeNeedsConfirmation(same.warnings)).toBe(false);
    const noCustomer = mergeInsights(a, { ...b, customer: null }, [link('f1', 'B')]);
    expect(noCustomer.ok && mergeNeedsConfirmation(noCustomer.warnings)).toBe(false);
    // B's links, each feature once: those are the features whose evidence loses Beta.
    const r = mergeInsights(a, b, [link('f1', 'A'), link('f1', 'B'), link('f3', 'B'), link('f9', 'Z')]);
    expect(r.ok && r.warnings).toEqual([{ kind: 'customer_dropped', customer: { id: 'c2', name: 'Beta' }, featureIds: ['f1', 'f3'] }]);
  });

  it('keeps one link per feature with the higher importance and both highlights', () => {
    const r = mergeInsights(a, b, [link('f1', 'A', 'important', 'CSV'), link('f1', 'B', 'critical', 'finance team'), link('f9', 'Z')]);
    expect(r.ok && r.links).toEqual([{ featureId: 'f1', insightId: 'A', importance: 'critical', highlight: 'CSV\n\nfinance team' }]);
  });

  it('takes B’s customer and person when A has none, and does not quote twice', () => {
    const r = mergeInsights(insight('A'), insight('B', { customer: { id: 'c2', name: 'Beta' }, personName: 'Jo' }), []);
    expect(r.ok && r.target.customer).toEqual({ id: 'c2', name: 'Beta' });
    expect(r.ok && r.target.personName).toBe('Jo');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    const again = mergeInsights(r.target, insight('B', { customer: { id: 'c2', name: 'Beta' }, personName: 'Jo' }), []);
    expect(again.ok && again.target.text).toBe(r.target.text);
  });

  it('refuses impossible merges', () => {
    expect(mergeInsights(a, a, [])).toEqual({ ok: false, reason: 'same_insight' });
    expect(mergeInsights(a, { ...b, mergedIntoId: 'X' }, [])).toEqual({ ok: false, reason: 'already_merged' });
    expect(mergeInsights({ ...a, mergedIntoId: 'X' }, b, [])).toEqual({ ok: false, reason: 'target_merged' });
    expect(mergeInsights({ ...a, status: 'archived' }, b, [])).toEqual({ ok: false, reason: 'target_archived' });
  });

  it('caps tags and text, with warnings', () => {
    const many = (p: string) => Array.from({ length: 20 }, (_, i) => `${p}${i}`);
    const r = mergeInsights(insight('A', { tags: many('a'), text: 'x'.repeat(19_990) }), insight('B', { tags: many('b') }), []);
    if (!r.ok) throw new Error();
    expect(r.target.tags).toHaveLength(30);
    expect(r.target.text).toHaveLength(20_000);
    expect(r.warnings.map((w) => w.kind).sort()).toEqual(['tags_truncated', 'text_truncated']);
  });

  it('merges several duplicates in order', () => {
    const r = mergeManyInsights(
      insight('A'),
      [insight('B', { importance: 'important' }), insight('C', { tags: ['x'] })],
      [link('f1', 'B'), link('f1', 'C', 'critical'), link('f2', 'C')],
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.duplicates.map((d) => [d.id, d.mergedIntoId])).toEqual([
      ['B', 'A'],
      ['C', 'A'],
    ]);
    expect(r.links).toEqual([link('f1', 'A', 'critical'), link('f2', 'A')]);
    expect(r.target.text).toContain('> Text of B');
    expect(r.target.text).toContain('> Text of C');
    expect(mergeManyInsights(insight('A'), [insight('A')], [])).toMatchObject({ ok: false, reason: 'same_insight', duplicateId: 'A' });
  });
});

describe('merge helpers', () => {
  it('quotes every line and attributes the quote', () => {
    expect(quoteOf(insight('B', { text: 'one\n\ntwo', personName: 'Jo', source: 'interview' }))).toBe(
      '> one\n>\n> two\n>\n> — Jo, interview, 2024-03-05',
    );
    expect(unionTags(['a', 'B'], ['b', ' ', 'c'])).toEqual(['a', 'B', 'c']);
    expect(joinHighlights(null, ' x ', 'x', '', 'y')).toBe('x\n\ny');
    expect(joinHighlights(null, '')).toBeNull();
  });

  it('link merging: one link per feature, every feature kept, importance is the max', () => {
    const linkArb = fc.record({
      featureId: fc.constantFrom('f1', 'f2', 'f3', 'f4'),
      insightId: fc.constantFrom('A', 'B', 'C'),
      importance: fc.constantFrom(...IMPORTANCE_LEVELS),
      highlight: fc.option(fc.constantFrom('x', 'y', 'z')),
    });
    fc.assert(
      fc.property(fc.array(linkArb, { maxLength: 12 }), (links) => {
        const own = links.filter((l) => l.insightId === 'A' || l.insightId === 'B');
        const merged = mergeLinks('A', 'B', links);
        expect(merged.every((l) => l.insightId === 'A')).toBe(true);
        expect(merged.map((l) => l.featureId).sort()).toEqual([...new Set(own.map((l) => l.featureId))].sort());
        for (const m of merged) {
          const sources = own.filter((l) => l.featureId === m.featureId);
          expect(m.importance).toBe(sources.map((l) => l.importance).reduce(maxImportance));
          for (const s of sources) if (s.highlight) expect(m.highlight).toContain(s.highlight);
        }
      }),
    );
  });
});
