import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, frameworkInfo } from './frameworks.js';
import * as scoring from './index.js';
import { checkField, FRAMEWORK_KEYS } from './result.js';

describe('FRAMEWORKS', () => {
  it('lists every framework once, in order', () => {
    expect(FRAMEWORKS.map((f) => f.key)).toEqual(['rice', 'ice', 'wsjf', 'moscow', 'kano', 'valueEffort', 'custom']);
    expect(FRAMEWORKS.map((f) => f.key)).toEqual([...FRAMEWORK_KEYS]);
    expect(frameworkInfo('wsjf').name).toBe('WSJF');
  });

  it('describes each input well enough for a generic form', () => {
    for (const f of FRAMEWORKS) {
      expect(f.description.length, f.key).toBeGreaterThan(10);
      for (const field of f.fields) {
        expect(field.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(field.label.length).toBeGreaterThan(0);
        expect(field.description.length, `${f.key}.${field.name}`).toBeGreaterThan(10);
        if (field.kind === 'choice' || field.kind === 'kano_answers') expect(field.allowed?.length).toBeGreaterThan(0);
        if (field.min !== undefined && field.max !== undefined) expect(field.min).toBeLessThan(field.max);
        // Every allowed or suggested value must pass the field's own validation.
        if (field.kind === 'number') {
          for (const c of [...(field.allowed ?? []), ...(field.suggested ?? [])])
            expect(checkField(field, c.value), `${field.name}=${c.value}`).toBeNull();
        }
      }
    }
  });

  it('carries the scales from the product rules', () => {
    const rice = frameworkInfo('rice').fields;
    expect(rice.find((f) => f.name === 'impact')!.allowed!.map((c) => c.value)).toEqual([3, 2, 1, 0.5, 0.25]);
    expect(rice.find((f) => f.name === 'confidence')!.suggested!.map((c) => c.value)).toEqual([1, 0.8, 0.5]);
    expect(rice.find((f) => f.name === 'effort')).toMatchObject({ unit: 'person-months', min: 0, minExclusive: true });
    expect(frameworkInfo('wsjf').fields.every((f) => f.allowed!.map((c) => c.value).join() === '1,2,3,5,8,13,20,40,100')).toBe(true);
    expect(frameworkInfo('ice').fields.map((f) => [f.min, f.max])).toEqual([
      [1, 10],
      [1, 10],
      [1, 10],
    ]);
    expect(frameworkInfo('moscow').guidance).toContain('60%');
    expect(frameworkInfo('custom').dynamicFields).toBe(true);
  });

  it('is exported with the rest of the public API', () => {
    for (const name of [
      'computeRice',
      'computeIce',
      'computeWsjf',
      'computeMoscow',
      'summarizeMoscow',
      'computeKano',
      'computeValueEffort',
      'computeCustom',
      'explain',
      'rankItems',
      'parse',
      'compile',
      'evaluate',
      'FRAMEWORKS',
      'ExpressionError',
    ]) {
      expect(scoring, name).toHaveProperty(name);
    }
  });
});
