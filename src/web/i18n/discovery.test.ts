import { describe, expect, it } from 'vitest';
import { FEATURE_STATUSES, IMPORTANCE, INSIGHT_SOURCES, INSIGHT_STATUSES, SEARCH_TYPES } from '../../contract/discovery.js';
import { IMPORT_FIELDS } from '../routes/imports/guess-mapping.js';
import { en } from './en.js';
import { enDiscovery } from './en-discovery.js';
import { frDiscovery } from './fr-discovery.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const EN = leaves(enDiscovery as Tree);
const FR = leaves(frDiscovery as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('discovery translations', () => {
  it('have the same keys in English and French, none empty', () => {
    expect([...EN.keys()].filter((k) => !FR.has(k))).toEqual([]);
    expect([...FR.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect([...EN, ...FR].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...EN].filter(
      ([key, value]) => JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(FR.get(key) ?? '')),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('cover every source, importance, status, search type and import field of the contract', () => {
    const needed = [
      ...INSIGHT_SOURCES.map((s) => `discovery.sources.${s}`),
      ...IMPORTANCE.map((s) => `discovery.importance.${s}`),
      ...INSIGHT_STATUSES.map((s) => `discovery.statuses.${s}`),
      ...FEATURE_STATUSES.map((s) => `discovery.featureStatuses.${s}`),
      ...SEARCH_TYPES.map((s) => `search.types.${s}`),
      ...[...IMPORT_FIELDS.insights, ...IMPORT_FIELDS.customers].map((f) => `imports.fields.${f}`),
    ];
    expect(needed.filter((k) => !EN.has(k) || !FR.has(k))).toEqual([]);
  });

  it('do not reuse a top-level section of the main catalogue (it would be overwritten)', () => {
    expect(Object.keys(enDiscovery).filter((k) => k in en)).toEqual([]);
  });
});
