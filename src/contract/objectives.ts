import { z } from 'zod';
import {
  DIRECTIONS,
  MAX_MAGNITUDE,
  MAX_YEAR,
  MIN_YEAR,
  normalisePeriod,
  PERIOD_KINDS,
  type Period as PeriodValue,
} from '../domain/strategy/index.js';
import { Id, LongText, Name, PageQuery, Timestamp, UserRef, Version } from './common.js';
import { FeatureStatus } from './discovery.js';

export const OBJECTIVE_STATUSES = ['draft', 'active', 'achieved', 'missed', 'dropped'] as const;
export const ObjectiveStatus = z.enum(OBJECTIVE_STATUSES);
export const PeriodKind = z.enum(PERIOD_KINDS);
export const Direction = z.enum(DIRECTIONS);
/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z.iso.date();

/**
 * A period as a person picks it: `{ kind: 'quarter', year: 2027, number: 1 }`, a half
 * (number 1–2), a year, or `{ kind: 'custom', start, end }`. Normalised to its first and
 * last day by the domain (`normalisePeriod`), which also says what is wrong, field by field.
 */
export const PeriodInput = z
  .strictObject({
    kind: PeriodKind,
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
    number: z.number().int().min(1).max(4).optional().describe('Quarter 1–4 or half 1–2'),
    start: IsoDay.optional().describe('First day of a custom period'),
    end: IsoDay.optional().describe('Last day of a custom period (included)'),
  })
  .superRefine((value, ctx) => {
    const result = normalisePeriod(value);
    if (!result.ok) for (const e of result.errors) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
  })
  .transform((value): PeriodValue => {
    const result = normalisePeriod(value);
    return result.ok ? result.period : { kind: value.kind, start: '', end: '' };
  });

export const Period = z.object({
  kind: PeriodKind,
  start: z.string().describe('First day, YYYY-MM-DD'),
  end: z.string().describe('Last day, YYYY-MM-DD (included)'),
});

const Progress = z.number().min(0).max(1).nullable().describe('0–1; null while no key result is measured');

export const Objective = z.object({
  id: Id,
  workspaceId: Id,
  parentId: Id.nullable().describe('The objective this one serves (company goal → product objective)'),
  productId: Id.nullable(),
  title: z.string(),
  description: z.string().describe('Markdown'),
  period: Period,
  ownerId: Id.nullable(),
  status: ObjectiveStatus,
  progress: Progress.describe('Mean progress of the measured key results; null when none is measured'),
  keyResultCount: z.number().int(),
  featureCount: z.number().int(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const objectiveFields = {
  description: LongText().optional(),
  ownerId: Id.nullable().optional().describe('A member of the workspace; defaults to the creator'),
  productId: Id.nullable().optional(),
  parentId: Id.nullable().optional().describe('null: a top-level (company) goal'),
  status: ObjectiveStatus.optional(),
};
export const ObjectiveCreateBody = z.strictObject({ title: Name(200), period: PeriodInput, ...objectiveFields });
export const ObjectivePatchBody = z.strictObject({
  title: Name(200).optional(),
  period: PeriodInput.optional(),
  ...objectiveFields,
  version: Version.optional(),
});

/** A comma-separated query parameter ("active,draft") validated item by item. */
const csv = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .max(2_000)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20) as unknown as z.ZodType<z.output<T>[], string[]>);

export const ObjectiveListQuery = PageQuery.extend({
  productId: Id.optional(),
  parentId: z
    .union([Id, z.literal('root')])
    .optional()
    .describe('Children of this objective; `root` for top-level goals'),
  status: csv(ObjectiveStatus).optional().describe('Comma-separated statuses'),
  activeOn: IsoDay.optional().describe('Objectives whose period contains this day (YYYY-MM-DD)'),
  q: z.string().max(200).optional().describe('Words in the title or description (case and accents ignored)'),
});

// ---- key results
const Amount = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);

export const KeyResult = z.object({
  id: Id,
  objectiveId: Id,
  title: z.string(),
  metric: z.string().describe('What is measured (free text; will link to a tracked metric)'),
  baseline: z.number(),
  target: z.number(),
  current: z.number().nullable().describe('Latest measured value; null until measured'),
  unit: z.string(),
  direction: Direction.describe('increase: higher is better; decrease: lower is better'),
  progress: Progress.describe('From baseline (0) to target (1), capped; null while not measured'),
  position: z.number().int(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const keyResultFields = {
  metric: z.string().trim().max(200).optional(),
  current: Amount.nullable().optional(),
  unit: z.string().trim().max(20).optional().describe('%, €, ms, users… (20 characters at most)'),
};
export const KeyResultCreateBody = z.strictObject({
  title: Name(200),
  baseline: Amount,
  target: Amount.describe('Equal to the baseline: a threshold to hold (at least it, or at most it when decreasing)'),
  direction: Direction.optional().describe('Defaults to decrease when the target is below the baseline, else increase'),
  ...keyResultFields,
});
export const KeyResultPatchBody = z.strictObject({
  title: Name(200).optional(),
  baseline: Amount.optional(),
  target: Amount.optional(),
  direction: Direction.optional(),
  ...keyResultFields,
  version: Version.optional(),
});

// ---- features ↔ objectives
export const FeatureObjectiveLinkBody = z.strictObject({ objectiveId: Id });
export const FeatureObjectiveLink = z.object({
  featureId: Id,
  objectiveId: Id,
  createdAt: Timestamp,
  createdBy: UserRef.nullable(),
});
export const ObjectiveFeature = z.object({
  id: Id,
  title: z.string(),
  status: FeatureStatus,
  productId: Id.nullable(),
});
