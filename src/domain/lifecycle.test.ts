import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransition, openGateItems, STAGES, type Stage } from './lifecycle.js';

describe('product lifecycle transitions', () => {
  it('allows moving forward one stage without a note', () => {
    expect(checkTransition('conception', 'build')).toEqual({ allowed: true, kind: 'forward', skipped: [], noteRequired: false });
    expect(checkTransition('launch', 'growth')).toMatchObject({ allowed: true, kind: 'forward' });
  });

  it('allows skipping forward (a product adopted mid-life) and reports the stages skipped', () => {
    expect(checkTransition('conception', 'growth')).toMatchObject({ allowed: true, skipped: ['build', 'launch'] });
  });

  it('allows moving back one stage only with a note saying why', () => {
    expect(checkTransition('launch', 'build')).toEqual({ allowed: false, reason: 'note_required' });
    expect(checkTransition('launch', 'build', '   ')).toEqual({ allowed: false, reason: 'note_required' });
    expect(checkTransition('launch', 'build', 'Launch postponed: payment provider not ready')).toMatchObject({
      allowed: true,
      kind: 'backward',
    });
  });

  it('refuses moving back more than one stage: a pivot is a new product', () => {
    expect(checkTransition('growth', 'conception', 'pivot')).toEqual({ allowed: false, reason: 'backward_more_than_one' });
  });

  it('allows retiring from any live stage with a note, and retired is final', () => {
    expect(checkTransition('build', 'retired')).toEqual({ allowed: false, reason: 'note_required' });
    expect(checkTransition('build', 'retired', 'Cancelled: no product–market fit')).toMatchObject({ allowed: true, kind: 'retire' });
    expect(checkTransition('decline', 'retired', 'Sunset done')).toMatchObject({ allowed: true, kind: 'retire' });
    expect(checkTransition('retired', 'decline', 'revive')).toEqual({ allowed: false, reason: 'retired_is_final' });
  });

  it('refuses a move to the same stage', () => {
    for (const stage of STAGES) expect(checkTransition(stage, stage, 'note')).toEqual({ allowed: false, reason: 'same_stage' });
  });

  it('never allows leaving retired and always allows a one-step forward move (property)', () => {
    const stage = fc.constantFrom(...STAGES);
    fc.assert(
      fc.property(stage, stage, fc.option(fc.string()), (from: Stage, to: Stage, note) => {
        const verdict = checkTransition(from, to, note);
        if (from === 'retired') expect(verdict.allowed).toBe(false);
        const i = STAGES.indexOf(from);
        if (from !== 'retired' && STAGES[i + 1] === to && to !== 'retired') expect(verdict.allowed).toBe(true);
        if (verdict.allowed && verdict.kind !== 'forward') expect(note?.trim()).toBeTruthy();
      }),
    );
  });

  it('lists the open stage-gate items of the current stage', () => {
    expect(openGateItems('build', {})).toEqual(['mvp_scope_agreed', 'launch_plan_approved']);
    expect(openGateItems('build', { 'build.mvp_scope_agreed': true })).toEqual(['launch_plan_approved']);
    expect(openGateItems('retired', {})).toEqual([]);
  });
});
