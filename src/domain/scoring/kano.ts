/**
 * Kano model. A feature's category is either set by hand or computed from survey answers:
 * each respondent answers a functional question ("how do you feel if it has X?") and a
 * dysfunctional one ("…if it does not?"), and the standard 5×5 evaluation table
 * (Berger et al., 1993) turns the pair into A, O, M, I, R or Q.
 */
import {
  type Choice,
  type Contribution,
  type Explanation,
  type FieldError,
  type FieldSpec,
  failure,
  failureSummary,
  formatNumber,
  isMissing,
  noNegZero,
  type ScoreResult,
} from './result.js';

export const KANO_CATEGORIES = ['must_be', 'one_dimensional', 'attractive', 'indifferent', 'reverse', 'questionable'] as const;
export type KanoCategory = (typeof KANO_CATEGORIES)[number];

export const KANO_CHOICES: readonly Choice<KanoCategory>[] = [
  { value: 'must_be', label: 'Must-be (basic expectation)' },
  { value: 'one_dimensional', label: 'One-dimensional (performance)' },
  { value: 'attractive', label: 'Attractive (delighter)' },
  { value: 'indifferent', label: 'Indifferent' },
  { value: 'reverse', label: 'Reverse' },
  { value: 'questionable', label: 'Questionable' },
];

export const KANO_ANSWERS = ['like', 'expect', 'neutral', 'live_with', 'dislike'] as const;
export type KanoAnswer = (typeof KANO_ANSWERS)[number];

export const KANO_ANSWER_CHOICES: readonly Choice<KanoAnswer>[] = [
  { value: 'like', label: 'I like it' },
  { value: 'expect', label: 'I expect it' },
  { value: 'neutral', label: 'I am neutral' },
  { value: 'live_with', label: 'I can live with it' },
  { value: 'dislike', label: 'I dislike it' },
];

export interface KanoResponse {
  functional: KanoAnswer;
  dysfunctional: KanoAnswer;
}

const A: KanoCategory = 'attractive';
const O: KanoCategory = 'one_dimensional';
const M: KanoCategory = 'must_be';
const I: KanoCategory = 'indifferent';
const R: KanoCategory = 'reverse';
const Q: KanoCategory = 'questionable';

/** Rows: functional answer; columns: dysfunctional answer; both in KANO_ANSWERS order. */
export const KANO_TABLE: readonly (readonly KanoCategory[])[] = [
  /* like      */ [Q, A, A, A, O],
  /* expect    */ [R, I, I, I, M],
  /* neutral   */ [R, I, I, I, M],
  /* live_with */ [R, I, I, I, M],
  /* dislike   */ [R, R, R, R, Q],
];

export function classifyKanoResponse(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory {
  return KANO_TABLE[KANO_ANSWERS.indexOf(functional)]![KANO_ANSWERS.indexOf(dysfunctional)]!;
}

/**
 * Tie rule: when categories are equally frequent, pick the first in this order,
 * M > O > A > I (Berger et al.): prefer the category that matters most to satisfaction if
 * missed, so a tie never hides a basic expectation. R and Q come last.
 */
export const KANO_TIE_ORDER: readonly KanoCategory[] = [M, O, A, I, R, Q];

/** Numeric priority for ranking by Kano (higher first), in the same order as the tie rule. */
export const KANO_PRIORITY: Record<KanoCategory, number> = {
  must_be: 6,
  one_dimensional: 5,
  attractive: 4,
  indifferent: 3,
  reverse: 2,
  questionable: 1,
};

export const KANO_FIELDS: readonly FieldSpec[] = [
  {
    name: 'category',
    label: 'Kano category',
    description: 'Set the category by hand, or leave it empty and let survey answers decide.',
    kind: 'choice',
    required: false,
    allowed: KANO_CHOICES,
  },
  {
    name: 'answers',
    label: 'Survey answers',
    description: 'For each respondent: how they feel if the feature is there (functional) and if it is not (dysfunctional).',
    kind: 'kano_answers',
    required: false,
    allowed: KANO_ANSWER_CHOICES,
  },
];

export interface KanoInput {
  category?: KanoCategory | null;
  answers?: readonly KanoResponse[] | null;
}

export interface KanoSurvey {
  respondents: number;
  counts: Record<KanoCategory, number>;
  /** Most frequent category (ties broken by KANO_TIE_ORDER). */
  category: KanoCategory;
  /** (A+O)/(A+O+M+I): how much having it raises satisfaction; null when A+O+M+I = 0. */
  better: number | null;
  /** −(O+M)/(A+O+M+I): how much lacking it lowers satisfaction; null when A+O+M+I = 0. */
  worse: number | null;
}

export interface KanoExtra {
  source: 'manual' | 'survey';
  priority: number;
  survey: KanoSurvey | null;
}

function isAnswer(v: unknown): v is KanoAnswer {
  return typeof v === 'string' && (KANO_ANSWERS as readonly string[]).includes(v);
}

export function isKanoCategory(v: unknown): v is KanoCategory {
  return typeof v === 'string' && (KANO_CATEGORIES as readonly string[]).includes(v);
}

/** Tallies survey answers. Returns null for an empty survey. Assumes answers were validated. */
export function evaluateKanoSurvey(answers: readonly KanoResponse[]): KanoSurvey | null {
  if (answers.length === 0) return null;
  const counts = Object.fromEntries(KANO_CATEGORIES.map((c) => [c, 0])) as Record<KanoCategory, number>;
  for (const a of answers) counts[classifyKanoResponse(a.functional, a.dysfunctional)] += 1;
  let category = KANO_TIE_ORDER[0]!;
  for (const c of KANO_TIE_ORDER) if (counts[c] > counts[category]) category = c;
  const denominator = counts.attractive + counts.one_dimensional + counts.must_be + counts.indifferent;
  const better = denominator === 0 ? null : (counts.attractive + counts.one_dimensional) / denominator;
  const worse = denominator === 0 ? null : noNegZero(-(counts.one_dimensional + counts.must_be) / denominator);
  return { respondents: answers.length, counts, category, better, worse };
}

/**
 * A category set by hand wins over the survey (it is the PM's deliberate call); the survey
 * figures are still returned. With neither, both `category` and `answers` are reported missing.
 */
export function computeKano(input: KanoInput): ScoreResult<KanoCategory, KanoExtra> {
  const errors: FieldError[] = [];
  const manual = input.category;
  if (!isMissing(manual) && !isKanoCategory(manual)) {
    errors.push({ field: 'category', message: `must be one of ${KANO_CATEGORIES.join(', ')}` });
  }
  const answers = input.answers;
  if (!isMissing(answers)) {
    if (!Array.isArray(answers)) errors.push({ field: 'answers', message: 'must be a list of responses' });
    else {
      answers.forEach((a: unknown, i) => {
        const r = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
        for (const side of ['functional', 'dysfunctional'] as const) {
          if (!isAnswer(r[side])) errors.push({ field: `answers[${i}].${side}`, message: `must be one of ${KANO_ANSWERS.join(', ')}` });
        }
      });
    }
  }
  if (errors.length > 0) return failure([], errors);
  const survey = Array.isArray(answers) ? evaluateKanoSurvey(answers) : null;
  if (isKanoCategory(manual)) return { ok: true, value: manual, source: 'manual', priority: KANO_PRIORITY[manual], survey };
  if (survey) return { ok: true, value: survey.category, source: 'survey', priority: KANO_PRIORITY[survey.category], survey };
  return failure(['category', 'answers'], []);
}

function label(c: KanoCategory): string {
  return KANO_CHOICES.find((x) => x.value === c)!.label;
}

export function explainKano(input: KanoInput): Explanation {
  const result = computeKano(input);
  const inputs = {
    category: typeof input.category === 'string' ? input.category : null,
    respondents: Array.isArray(input.answers) ? input.answers.length : null,
  };
  const base = { framework: 'kano' as const, inputs };
  if (!result.ok) {
    return { ...base, value: null, summary: failureSummary(result), contributions: [], missing: result.missing, errors: result.errors };
  }
  const contributions: Contribution[] = [];
  const s = result.survey;
  if (s) {
    for (const c of KANO_TIE_ORDER) {
      if (s.counts[c] === 0) continue;
      const share = s.counts[c] / s.respondents;
      contributions.push({
        name: c,
        value: s.counts[c],
        effect: null,
        share,
        text: `${s.counts[c]} of ${s.respondents} respondents: ${label(c)}`,
      });
    }
  }
  const surveyText = s
    ? ` Survey of ${s.respondents}: better ${s.better === null ? 'n/a' : formatNumber(s.better)}, worse ${s.worse === null ? 'n/a' : formatNumber(s.worse)}.`
    : '';
  const summary =
    result.source === 'manual'
      ? `${label(result.value)}, set by hand.${surveyText}`
      : `${label(result.value)}, the most frequent answer.${surveyText}`;
  return { ...base, value: result.value, summary, contributions, missing: [], errors: [] };
}
