import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeValueEffort, explainValueEffort } from './value-effort.js';

const part = fc.double({ min: 1, max: 10, noNaN: true });

describe('value vs effort', () => {
  it('places items in the four quadrants around 5.5 by default', () => {
    expect(computeValueEffort({ value: 9, effort: 2 })).toMatchObject({ ok: true, quadrant: 'quick_win', value: 4.5, midpoint: 5.5 });
    expect(computeValueEffort({ value: 9, effort: 8 })).toMatchObject({ ok: true, quadrant: 'big_bet' });
    expect(computeValueEffort({ value: 2, effort: 2 })).toMatchObject({ ok: true, quadrant: 'fill_in', value: 1 });
    expect(computeValueEffort({ value: 2, effort: 9 })).toMatchObject({ ok: true, quadrant: 'time_sink' });
    expect(computeValueEffort({ value: 5, effort: 6 })).toMatchObject({ quadrant: 'time_sink' });
    expect(computeValueEffort({ value: 6, effort: 5 })).toMatchObject({ quadrant: 'quick_win' });
  });

  it('takes a configurable midpoint; a value on the midpoint counts as high', () => {
    expect(computeValueEffort({ value: 5, effort: 5 }, { midpoint: 5 })).toMatchObject({
      quadrant: 'big_bet',
      highValue: true,
      highEffort: true,
    });
    expect(computeValueEffort({ value: 5, effort: 5 }, { midpoint: 7 })).toMatchObject({ quadrant: 'fill_in' });
    expect(computeValueEffort({ value: 5, effort: 5 }, { midpoint: 11 })).toMatchObject({ ok: false, errors: [{ field: 'midpoint' }] });
  });

  it('validates inputs and reports missing ones', () => {
    expect(computeValueEffort({ value: 0, effort: 11 })).toMatchObject({ ok: false, errors: [{ field: 'value' }, { field: 'effort' }] });
    expect(computeValueEffort({ value: 4 })).toEqual({ ok: false, reason: 'missing', missing: ['effort'], errors: [] });
  });

  it('property: the quadrant agrees with the midpoint, and the score rises with value and falls with effort', () => {
    fc.assert(
      fc.property(part, part, part, part, (v1, v2, e1, e2) => {
        const a = computeValueEffort({ value: v1, effort: e1 });
        if (!a.ok) return false;
        const quadrantOk =
          (a.quadrant === 'quick_win' || a.quadrant === 'big_bet') === v1 >= 5.5 &&
          (a.quadrant === 'big_bet' || a.quadrant === 'time_sink') === e1 >= 5.5;
        const [vlo, vhi] = v1 <= v2 ? [v1, v2] : [v2, v1];
        const [elo, ehi] = e1 <= e2 ? [e1, e2] : [e2, e1];
        const s = (value: number, effort: number) => {
          const r = computeValueEffort({ value, effort });
          return r.ok ? r.value : Number.NaN;
        };
        return quadrantOk && s(vlo, e1) <= s(vhi, e1) && s(v1, elo) >= s(v1, ehi);
      }),
    );
  });

  it('explains which side of the midpoint each input falls', () => {
    const e = explainValueEffort({ value: 8, effort: 2 });
    expect(e.value).toBe(4);
    expect(e.summary).toContain('Quick win');
    expect(e.contributions.map((c) => c.text)).toEqual(['Value 8 is high (midpoint 5.5)', 'Effort 2 is low (midpoint 5.5)']);
    expect(explainValueEffort({ effort: 3 })).toMatchObject({ value: null, missing: ['value'] });
  });
});
