import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../contract/errors.js';
import { STAGE_GATES, STAGES } from '../../domain/lifecycle.js';
import { ROLES } from '../../domain/roles.js';
import { en } from './en.js';
import { fr } from './fr.js';

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

const EN = leaves(en as Tree);
const FR = leaves(fr as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('every English key exists in French', () => {
    expect([...EN.keys()].filter((k) => !FR.has(k))).toEqual([]);
  });

  it('every French key exists in English', () => {
    expect([...FR.keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it('no translation is empty', () => {
    expect([...EN, ...FR].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('both languages use the same {{placeholders}} in each string', () => {
    const mismatched = [...EN].filter(
      ([key, value]) => JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(FR.get(key) ?? '')),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('covers every stage, gate item, role and error code of the domain and contract', () => {
    const needed = [
      ...STAGES.map((s) => `stages.${s}`),
      ...STAGES.flatMap((s) => STAGE_GATES[s].map((item) => `gates.${s}.${item}`)),
      ...STAGES.map((s) => `lifecycle.about.${s}`),
      ...ROLES.flatMap((r) => [`roles.${r}.label`, `roles.${r}.description`]),
      ...Object.keys(ERRORS).map((code) => `errors.${code}`),
    ];
    expect(needed.filter((k) => !EN.has(k) || !FR.has(k))).toEqual([]);
  });
});
