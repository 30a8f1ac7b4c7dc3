import { z } from 'zod';
import { ICE_VARIANTS } from '../domain/scoring/ice.js';
import { KANO_ANSWERS, KANO_CATEGORIES } from '../domain/scoring/kano.js';
import { MOSCOW_CATEGORIES } from '../domain/scoring/moscow.js';
import { FRAMEWORK_KEYS } from '../domain/scoring/result.js';
import { QUADRANTS } from '../domain/scoring/value-effort.js';
import { Id, Timestamp, UserRef, Version } from './common.js';

/**
 * Feature scoring: the `scores` object of a feature (inputs in, computed values out), the
 * workspace's scoring rules, explanations and the MoSCoW check. The numbers are computed by
 * `scoreFeature` in src/domain/scoring/feature-scores.ts; these schemas mirror its types.
 * Ranges (e.g. confidence ≤ 1) are checked by the domain against the frameworks' FieldSpecs,
 * so the API and the forms give the same messages.
 *
 * Where they appear: Feature.scores (FeatureScores); FeatureCreateBody/FeaturePatchBody.scores
 * (ScoresPatch); FeatureListQuery.sort (FeatureSort); Product.scoringFrameworks (FrameworkKey[]);
 * the routes in routes-scoring.ts.
 */

export const FrameworkKey = z.enum(FRAMEWORK_KEYS);
export const ReachSource = z.enum(['manual', 'insights', 'customers']);
export const MoscowCategory = z.enum(MOSCOW_CATEGORIES);
export const KanoCategory = z.enum(KANO_CATEGORIES);
export const KanoAnswer = z.enum(KANO_ANSWERS);
export const KanoResponse = z.strictObject({ functional: KanoAnswer, dysfunctional: KanoAnswer });
export const Quadrant = z.enum(QUADRANTS);
export const IceVariant = z.enum(ICE_VARIANTS);

/** Sort keys of GET …/features; scores sort highest first, unscored last. */
export const FEATURE_SORTS = ['created', 'updated', 'title', 'rice', 'ice', 'wsjf', 'custom', 'value_effort', 'moscow', 'kano'] as const;
export const FeatureSort = z.enum(FEATURE_SORTS);

export const ScoreFieldError = z.object({
  field: z.string(),
  message: z.string(),
  position: z.number().int().optional().describe('0-based character offset in the formula'),
  pointer: z.string().optional().describe('The formula line with a caret under the position'),
});

const n = z.number().nullable();
const Missing = z.array(z.string()).describe('Inputs still needed before there is a score (never counted as 0)');

// ---- output: every framework is always present, inputs are null when not set
export const FeatureScores = z.object({
  rice: z.object({
    reach: n.describe('Typed reach, or the evidence count when reachSource is insights/customers'),
    reachSource: ReachSource,
    reachWindowDays: n.describe('With a derived reach: only the evidence received in the last this many days counts (null: all of it)'),
    reachWindow: z
      .object({
        since: Timestamp.describe('The window’s first instant: 00:00 UTC, reachWindowDays − 1 days before the day the score was computed'),
        insights: z.number().int(),
        customers: z.number().int(),
      })
      .nullable()
      .describe('The evidence in the window the reach was counted in; null without a window'),
    impact: n,
    confidence: n,
    effort: n,
    value: n,
    missing: Missing,
  }),
  ice: z.object({ impact: n, confidence: n, ease: n, variant: IceVariant, value: n, missing: Missing }),
  wsjf: z.object({
    businessValue: n,
    timeCriticality: n,
    riskReduction: n,
    jobSize: n,
    costOfDelay: n,
    value: n,
    missing: Missing,
  }),
  moscow: z.object({ category: MoscowCategory.nullable(), effort: n, priority: n }),
  kano: z.object({
    category: KanoCategory.nullable().describe('Effective category: set by hand, else from the survey'),
    source: z.enum(['manual', 'survey']).nullable(),
    manualCategory: KanoCategory.nullable(),
    respondents: z.number().int(),
    counts: z.record(KanoCategory, z.number().int()).nullable(),
    better: n,
    worse: n,
    priority: n,
  }),
  valueEffort: z.object({
    value: n.describe('The value input (1–10); the score is ratio'),
    effort: n,
    ratio: n,
    quadrant: Quadrant.nullable(),
    missing: Missing,
  }),
  custom: z.object({
    values: z.record(z.string(), n).describe('One entry per workspace driver'),
    value: n,
    missing: Missing,
    errors: z.array(ScoreFieldError),
  }),
});

// ---- input: null clears a framework or one input; absent keeps it
const In = z.number().nullable().optional();
export const ScoresPatch = z
  .strictObject({
    rice: z
      .strictObject({
        reach: In,
        reachSource: ReachSource.nullable().optional().describe('manual (typed), or derived from linked insights / distinct customers'),
        reachWindowDays: z
          .number()
          .int()
          .nullable()
          .optional()
          .describe('A derived reach counts only evidence received in the last this many days (1–3650); null or absent: all time'),
        impact: In,
        confidence: In.describe('A fraction: 80% is 0.8'),
        effort: In,
      })
      .nullable()
      .optional(),
    ice: z.strictObject({ impact: In, confidence: In, ease: In }).nullable().optional(),
    wsjf: z.strictObject({ businessValue: In, timeCriticality: In, riskReduction: In, jobSize: In }).nullable().optional(),
    moscow: z.strictObject({ category: MoscowCategory.nullable().optional(), effort: In }).nullable().optional(),
    kano: z
      .strictObject({
        category: KanoCategory.nullable().optional(),
        answers: z.array(KanoResponse).max(10_000).nullable().optional().describe('Replaces the stored answers; null clears them'),
        addAnswers: z
          .array(KanoResponse)
          .max(10_000)
          .optional()
          .describe('Appended to the stored answers (after answers, when both are sent); at most 10,000 answers in all'),
      })
      .nullable()
      .optional(),
    valueEffort: z.strictObject({ value: In, effort: In }).nullable().optional(),
    custom: z
      .strictObject({ values: z.record(z.string().max(40), z.number().nullable()).nullable().optional() })
      .nullable()
      .optional(),
  })
  .describe('Merged into the stored inputs: { rice: { effort: 3 } } changes only effort');

// ---- workspace scoring settings
export const CustomDriver = z.strictObject({
  name: z.string().max(40).describe('Identifier used in the formula'),
  label: z.string().trim().max(80).optional(),
  description: z.string().trim().max(500).optional(),
  min: z.number(),
  max: z.number(),
  weight: z.number(),
});
export const ScoringSettings = z.object({
  iceVariant: IceVariant,
  moscowLimit: z.number(),
  valueEffortMidpoint: z.number(),
  defaultFramework: FrameworkKey,
  revenueCurrency: z.string(),
  custom: z.object({
    drivers: z.array(CustomDriver),
    formula: z.string().nullable(),
  }),
  version: Version,
});
export const ScoringSettingsPatch = z.strictObject({
  iceVariant: IceVariant.optional(),
  moscowLimit: z.number().gt(0).max(1).optional().describe('Share of planned effort Must-haves may take (0.6 = 60%)'),
  valueEffortMidpoint: z.number().min(1).max(10).optional(),
  defaultFramework: FrameworkKey.optional(),
  revenueCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR or USD')
    .optional(),
  custom: z
    .strictObject({
      drivers: z.array(CustomDriver).max(30),
      formula: z.string().max(2_000).nullable().optional().describe('Empty or null: the weighted sum of the drivers'),
    })
    .optional(),
  version: Version.optional(),
});

// ---- explanation
export const ScoreExplanationQuery = z.strictObject({
  framework: z
    .enum([...FRAMEWORK_KEYS, 'value_effort'])
    .transform((v) => (v === 'value_effort' ? 'valueEffort' : v))
    .optional()
    .describe("Default: the workspace's defaultFramework"),
});
const ExplainValue = z.union([z.number(), z.string()]).nullable();
export const ScoreExplanation = z.object({
  featureId: Id,
  framework: FrameworkKey,
  value: ExplainValue,
  summary: z.string(),
  inputs: z.record(z.string(), ExplainValue),
  contributions: z.array(z.object({ name: z.string(), value: ExplainValue, effect: n, share: n, text: z.string() })),
  missing: z.array(z.string()),
  errors: z.array(ScoreFieldError),
  settings: z.record(z.string(), ExplainValue).describe('The workspace settings this score depends on'),
  lastChange: z
    .object({
      at: Timestamp,
      by: UserRef.nullable(),
      field: z
        .string()
        .describe(
          'e.g. scores.rice.effort, settings.iceVariant, or an evidence change: evidence.linked, evidence.unlinked, evidence.deleted, evidence.merged, evidence.customer, evidence.receivedAt, evidence.revenue',
        ),
      from: z.unknown().describe('For evidence changes: the insight or customer by name, or the revenue {amount, currency, period}'),
      to: z.unknown(),
      changes: z
        .array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }))
        .describe('Every input this change set (field/from/to above is the first)'),
      evidence: z
        .object({
          kind: z.enum(['insight', 'customer']),
          id: Id,
          label: z
            .string()
            .nullable()
            .describe('The insight’s text (and customer) or the customer’s name; null once deleted and forgotten'),
        })
        .nullable()
        .describe('What an evidence change was about'),
    })
    .nullable(),
});

// ---- MoSCoW check over a set of features
const FEATURE_STATUS_VALUES = ['idea', 'discovery', 'planned', 'in_progress', 'released', 'measured', 'wont_do'] as const;
export const MoscowSummaryQuery = z.strictObject({
  productId: Id.optional(),
  status: z
    .string()
    .max(2_000)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(FEATURE_STATUS_VALUES)).max(20))
    .optional()
    .describe('Comma-separated feature statuses'),
});
export const MoscowSummary = z.object({
  share: n.describe('Must-have effort ÷ planned (Must + Should + Could) effort; null when no effort is estimated'),
  limit: z.number(),
  exceeded: z.boolean(),
  warning: z.string().nullable(),
  guidance: z.string(),
  totals: z.record(MoscowCategory, z.number()),
  plannedEffort: z.number(),
  featureCount: z.number().int().describe('Features with a MoSCoW category in the selection'),
  incomplete: z.array(z.object({ id: Id, title: z.string(), missing: z.array(z.string()) })),
});
