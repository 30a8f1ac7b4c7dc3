import { describe, expect, it } from 'vitest';
import {
  FRAMEWORK_KEYS,
  FRAMEWORKS,
  KANO_ANSWERS,
  KANO_CATEGORIES,
  MOSCOW_CATEGORIES,
  QUADRANTS,
  REACH_SOURCES,
  RICE_IMPACT,
} from '../../domain/scoring/index.js';
import { choiceKey } from '../components/score/labels.js';
import { en } from './en.js';
import { enDiscovery } from './en-discovery.js';
import { enPrioritisation } from './en-prioritisation.js';
import { frPrioritisation } from './fr-prioritisation.js';

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

const EN = leaves(enPrioritisation as Tree);
const FR = leaves(frPrioritisation as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('prioritisation translations', () => {
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

  it('name every framework, input and choice of the scoring domain in both languages', () => {
    const needed = [
      ...FRAMEWORK_KEYS.flatMap((f) => [`prioritise.frameworks.${f}.name`, `prioritise.frameworks.${f}.about`]),
      ...FRAMEWORKS.filter((f) => f.key !== 'custom').flatMap((f) => f.fields.map((s) => `prioritise.fields.${f.key}.${s.name}`)),
      ...FRAMEWORKS.filter((f) => f.key !== 'custom' && f.key !== 'kano').flatMap((f) =>
        f.fields.map((s) => `prioritise.help.${f.key}.${s.name}`),
      ),
      ...RICE_IMPACT.map((c) => `prioritise.choices.rice.impact.${choiceKey(c.value)}`),
      ...MOSCOW_CATEGORIES.map((c) => `prioritise.choices.moscow.category.${c}`),
      ...KANO_CATEGORIES.flatMap((c) => [`prioritise.choices.kano.category.${c}`, `prioritise.kanoAbout.${c}`]),
      ...KANO_ANSWERS.map((a) => `prioritise.kanoAnswers.${a}`),
      ...QUADRANTS.map((q) => `prioritise.quadrants.${q}`),
      ...REACH_SOURCES.map((s) => `prioritise.reachSources.${s}`),
      ...['insights', 'customers', 'revenue'].map((n) => `prioritise.fields.custom.${n}`),
    ];
    expect(needed.filter((k) => !EN.has(k) || !FR.has(k))).toEqual([]);
  });

  it('do not reuse a top-level section of the other catalogues (it would be overwritten)', () => {
    expect(Object.keys(enPrioritisation).filter((k) => k in en || k in enDiscovery)).toEqual([]);
  });
});
