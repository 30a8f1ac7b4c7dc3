import { describe, expect, it } from 'vitest';
import { OBJECTIVE_STATUSES } from '../../contract/objectives.js';
import { DIRECTIONS, HEALTHS, PERIOD_KINDS } from '../../domain/strategy/index.js';
import { en } from './en.js';
import { enDiscovery } from './en-discovery.js';
import { enStrategy } from './en-strategy.js';
import { frStrategy } from './fr-strategy.js';

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

const EN = leaves(enStrategy as Tree);
const FR = leaves(frStrategy as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('strategy translations', () => {
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

  it('cover every status, period kind, direction and health of the contract and domain', () => {
    const needed = [
      ...OBJECTIVE_STATUSES.map((s) => `strategy.statuses.${s}`),
      ...PERIOD_KINDS.map((k) => `strategy.period.kinds.${k}`),
      ...DIRECTIONS.map((d) => `strategy.keyResults.directions.${d}`),
      ...HEALTHS.map((h) => `strategy.health.${h}`),
    ];
    expect(needed.filter((k) => !EN.has(k) || !FR.has(k))).toEqual([]);
  });

  it('do not reuse a top-level section of the main or discovery catalogues (it would be overwritten)', () => {
    expect(Object.keys(enStrategy).filter((k) => k in en || k in enDiscovery)).toEqual([]);
  });
});
