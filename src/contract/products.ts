import { z } from 'zod';
import { STAGES } from '../domain/lifecycle.js';
import { Id, LongText, Name, PageQuery, Timestamp, UserRef, Version } from './common.js';
import { FrameworkKey } from './scoring.js';

export const Stage = z.enum(STAGES);

export const Segment = z.strictObject({
  name: Name(80),
  description: LongText(2_000).default(''),
});

const ScoringFrameworks = z
  .array(FrameworkKey)
  .min(1)
  .max(7)
  .refine((list) => new Set(list).size === list.length, 'List each framework once')
  .describe(
    "Frameworks this product uses, in the order they are offered (the first one is shown first); default: the workspace's default framework",
  );

export const Product = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  vision: z.string(),
  stage: Stage,
  segments: z.array(z.object({ name: z.string(), description: z.string() })),
  checklist: z.record(z.string(), z.boolean()).describe('Stage-gate checklist items: "stage.item" → done'),
  scoringFrameworks: z.array(FrameworkKey).describe('The scoring frameworks this product uses (several at once)'),
  archivedAt: Timestamp.nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ProductCreateBody = z.strictObject({
  name: Name(120),
  vision: LongText().optional(),
  stage: Stage.optional(),
  segments: z.array(Segment).max(50).optional(),
  scoringFrameworks: ScoringFrameworks.optional(),
});

export const ProductPatchBody = z.strictObject({
  name: Name(120).optional(),
  vision: LongText().optional(),
  segments: z.array(Segment).max(50).optional(),
  checklist: z.record(z.string().max(80), z.boolean()).optional(),
  scoringFrameworks: ScoringFrameworks.optional(),
  archived: z.boolean().optional().describe('true archives the product, false restores it'),
  version: Version.optional(),
});

export const ProductListQuery = PageQuery.extend({
  stage: Stage.optional(),
  q: z.string().max(200).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export const StageMoveBody = z.strictObject({
  stage: Stage,
  note: LongText(2_000).optional(),
});

export const StageHistoryEntry = z.object({
  id: Id,
  fromStage: Stage.nullable(),
  toStage: Stage,
  note: z.string().nullable(),
  openGateItems: z.array(z.string()),
  actor: UserRef.nullable(),
  at: Timestamp,
});

export const StageMoveResult = z.object({ product: Product, entry: StageHistoryEntry });
