/**
 * Product lifecycle: conception → build → launch → growth (performance follow-up) →
 * decline → retired. These rules decide which moves are allowed and why, so the API,
 * the web app and the CLI all give the same answer.
 */
export const STAGES = ['conception', 'build', 'launch', 'growth', 'decline', 'retired'] as const;
export type Stage = (typeof STAGES)[number];

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Exit checklist of each stage: what a team should have done before moving on. */
export const STAGE_GATES: Record<Stage, readonly string[]> = {
  conception: ['problem_validated', 'vision_written', 'target_segments_defined'],
  build: ['mvp_scope_agreed', 'launch_plan_approved'],
  launch: ['launch_checklist_done', 'success_metrics_defined'],
  growth: ['decline_decision_documented'],
  decline: ['sunset_plan_approved', 'customers_notified'],
  retired: [],
};

export type TransitionKind = 'forward' | 'backward' | 'retire';

export type TransitionVerdict =
  | { allowed: true; kind: TransitionKind; skipped: Stage[]; noteRequired: boolean }
  | { allowed: false; reason: TransitionRefusal };

export type TransitionRefusal = 'same_stage' | 'retired_is_final' | 'backward_more_than_one' | 'note_required';

/**
 * Decides whether a product may move from one stage to another.
 * - Moving forward is allowed, even over stages (an existing product adopted mid-life);
 *   the stages skipped are reported so the history says so.
 * - Moving back is allowed one stage at a time, with a note saying why (a postponed
 *   launch goes back to build; a pivot deserves a new product).
 * - Retiring is allowed from any live stage (cancelling before launch included) with a note.
 * - Retired is final: its history stays readable, nothing moves it again.
 */
export function checkTransition(from: Stage, to: Stage, note?: string | null): TransitionVerdict {
  if (from === to) return { allowed: false, reason: 'same_stage' };
  if (from === 'retired') return { allowed: false, reason: 'retired_is_final' };
  const hasNote = typeof note === 'string' && note.trim().length > 0;
  const fromIdx = stageIndex(from);
  const toIdx = stageIndex(to);
  if (to === 'retired') {
    if (!hasNote) return { allowed: false, reason: 'note_required' };
    return { allowed: true, kind: 'retire', skipped: [], noteRequired: true };
  }
  if (toIdx < fromIdx) {
    if (fromIdx - toIdx > 1) return { allowed: false, reason: 'backward_more_than_one' };
    if (!hasNote) return { allowed: false, reason: 'note_required' };
    return { allowed: true, kind: 'backward', skipped: [], noteRequired: true };
  }
  return { allowed: true, kind: 'forward', skipped: STAGES.slice(fromIdx + 1, toIdx), noteRequired: false };
}

export const REFUSAL_MESSAGES: Record<TransitionRefusal, string> = {
  same_stage: 'The product is already in this stage.',
  retired_is_final: 'A retired product cannot change stage; create a new product instead.',
  backward_more_than_one: 'A product can move back only one stage at a time.',
  note_required: 'Moving back or retiring a product needs a note that says why.',
};

/** Checklist items of the current stage that are not done yet (advisory, shown before a move). */
export function openGateItems(stage: Stage, checklist: Record<string, boolean | undefined>): string[] {
  return STAGE_GATES[stage].filter((key) => checklist[`${stage}.${key}`] !== true);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}
