import { z } from 'zod';
import { Id, LongText, Name, PageQuery, Timestamp, UserRef, Version } from './common.js';
import { FeatureScores, FeatureSort, ScoresPatch } from './scoring.js';

export const INSIGHT_SOURCES = ['interview', 'support', 'sales', 'survey', 'portal', 'import', 'other'] as const;
export const IMPORTANCE = ['nice_to_have', 'important', 'critical'] as const;
export const INSIGHT_STATUSES = ['new', 'triaged', 'linked', 'archived'] as const;
export const FEATURE_STATUSES = ['idea', 'discovery', 'planned', 'in_progress', 'released', 'measured', 'wont_do'] as const;

export const InsightSource = z.enum(INSIGHT_SOURCES);
export const Importance = z.enum(IMPORTANCE);
export const InsightStatus = z.enum(INSIGHT_STATUSES);
export const FeatureStatus = z.enum(FEATURE_STATUSES);
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR or USD');
export const RevenuePeriod = z.enum(['month', 'year']);
export const Tag = z.string().trim().min(1).max(40);
export const Tags = z.array(Tag).max(30);
/** A date or date-time; stored as ISO-8601 UTC. */
export const DateInput = z.iso.datetime({ offset: true }).or(z.iso.date());

// ---- customers
export const Customer = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  domain: z.string().nullable(),
  segment: z.string().nullable(),
  plan: z.string().nullable(),
  size: z.number().int().nullable(),
  revenue: z.number().nullable(),
  currency: z.string().nullable(),
  revenuePeriod: RevenuePeriod,
  externalId: z.string().nullable(),
  insightCount: z.number().int(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const customerFields = {
  domain: z.string().trim().toLowerCase().max(253).nullable().optional(),
  segment: z.string().trim().max(80).nullable().optional(),
  plan: z.string().trim().max(80).nullable().optional(),
  size: z.number().int().min(0).max(10_000_000).nullable().optional(),
  revenue: z.number().min(0).max(1e12).nullable().optional(),
  currency: Currency.nullable().optional(),
  revenuePeriod: RevenuePeriod.optional(),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
};
export const CustomerCreateBody = z.strictObject({ name: Name(200), ...customerFields });
export const CustomerPatchBody = z.strictObject({ name: Name(200).optional(), ...customerFields, version: Version.optional() });
export const CustomerListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  segment: z.string().max(80).optional(),
});

// ---- insights
export const CustomerRef = z.object({ id: Id, name: z.string(), segment: z.string().nullable() });
export const Insight = z.object({
  id: Id,
  workspaceId: Id,
  productId: Id.nullable(),
  text: z.string(),
  source: InsightSource,
  customer: CustomerRef.nullable(),
  personName: z.string().nullable(),
  personEmail: z.string().nullable(),
  tags: z.array(z.string()),
  importance: Importance,
  externalId: z.string().nullable(),
  receivedAt: Timestamp,
  status: InsightStatus,
  mergedIntoId: Id.nullable(),
  featureCount: z.number().int(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const insightFields = {
  productId: Id.nullable().optional(),
  customerId: Id.nullable().optional(),
  personName: z.string().trim().max(200).nullable().optional(),
  personEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable().optional(),
  tags: Tags.optional(),
  importance: Importance.optional(),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  receivedAt: DateInput.optional(),
};
export const InsightCreateBody = z.strictObject({ text: z.string().trim().min(1).max(20_000), source: InsightSource, ...insightFields });
export const InsightPatchBody = z.strictObject({
  text: z.string().trim().min(1).max(20_000).optional(),
  source: InsightSource.optional(),
  status: InsightStatus.optional(),
  ...insightFields,
  version: Version.optional(),
});

/** A comma-separated query parameter ("new,triaged") validated item by item. */
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
export const InsightListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  status: csv(InsightStatus).optional().describe('Comma-separated statuses'),
  source: csv(InsightSource).optional().describe('Comma-separated sources'),
  importance: csv(Importance).optional(),
  customerId: Id.optional(),
  segment: z.string().max(80).optional(),
  tag: z.string().max(40).optional(),
  productId: Id.optional(),
  featureId: Id.optional().describe('Insights linked to this feature'),
  from: DateInput.optional().describe('Received on or after'),
  to: DateInput.optional().describe('Received before'),
});

/** The inbox's filters without paging: what "every insight matching" means. */
export const InsightFilter = InsightListQuery.omit({ cursor: true, limit: true });
/** How far the inbox counts, and how many insights one bulk action takes by filter. */
export const INSIGHT_COUNT_LIMIT = 10_000;
export const InsightCount = z.object({
  count: z.number().int().describe('Insights matching the filters, counted up to 10,000'),
  exact: z.boolean().describe('false: more than 10,000 match (count is then 10,000)'),
});

export const InsightBulkBody = z.strictObject({
  ids: z.array(Id).min(1).max(1000).optional().describe('The insights to change (send this or filter)'),
  filter: InsightFilter.optional().describe('Instead of ids: every insight the inbox lists with these filters, at most 10,000'),
  expectedCount: z
    .number()
    .int()
    .min(1)
    .max(INSIGHT_COUNT_LIMIT)
    .optional()
    .describe('With filter: how many the person saw matching; if another number matches now, nothing changes (409)'),
  action: z.enum(['set_status', 'add_tags', 'remove_tags', 'set_importance', 'set_product']),
  status: InsightStatus.optional(),
  tags: Tags.optional(),
  importance: Importance.optional(),
  productId: Id.nullable().optional(),
});
export const InsightBulkResult = z.object({
  updated: z.number().int(),
  items: z.array(Insight).describe('The changed insights when chosen by ids; empty when chosen by filter (read the list again)'),
  previous: z
    .array(z.object({ id: Id, status: InsightStatus }))
    .describe('Each changed insight with its status before the action, to undo it'),
});

export const SimilarItem = z.object({
  kind: z.enum(['insight', 'feature']),
  id: Id,
  title: z.string(),
  score: z.number(),
  likelyDuplicate: z.boolean(),
  customer: CustomerRef.nullable().describe('Who gave this feedback (insights; always null for features)'),
});
export const InsightMergeBody = z.strictObject({
  duplicateId: Id,
  confirm: z
    .boolean()
    .optional()
    .describe(
      'Send true to merge insights from two different customers: the duplicate’s customer then stops counting in the evidence ' +
        'of its features. Without it such a merge is refused (409 confirmation_required, with the warnings).',
    ),
});
/** What a merge changed beyond joining the two insights. */
export const MergeWarning = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('customer_dropped'),
    customer: z.object({ id: Id, name: z.string() }),
    features: z
      .array(z.object({ id: Id, title: z.string() }))
      .describe('Features whose evidence loses this customer (no other linked insight of theirs)'),
  }),
  z.object({ kind: z.literal('tags_truncated'), dropped: z.array(z.string()) }),
  z.object({ kind: z.literal('text_truncated') }),
]);
export const InsightMergeResult = Insight.extend({
  warnings: z.array(MergeWarning).describe('What the merge could not keep (another customer, tags or text over the limits)'),
});
export const InsightUnmergeResult = z.object({
  kept: Insight.describe('The insight the duplicate had been merged into, as it was before the merge'),
  restored: Insight.describe('The duplicate, out of the archive with its links'),
});

// ---- features
export const Feature = z.object({
  id: Id,
  workspaceId: Id,
  productId: Id.nullable(),
  title: z.string(),
  description: z.string(),
  status: FeatureStatus,
  ownerId: Id.nullable(),
  tags: z.array(z.string()),
  insightCount: z.number().int(),
  customerCount: z.number().int(),
  evidenceRevenue: z
    .number()
    .optional()
    .describe(
      "Monthly revenue of the distinct customers behind it, in the workspace's scoring currency: the `revenue` custom formulas read",
    ),
  scores: FeatureScores,
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const featureFields = {
  description: LongText().optional(),
  productId: Id.nullable().optional(),
  status: FeatureStatus.optional(),
  ownerId: Id.nullable().optional(),
  tags: Tags.optional(),
  scores: ScoresPatch.optional(),
};
export const FeatureCreateBody = z.strictObject({ title: Name(200), ...featureFields });
export const FeaturePatchBody = z.strictObject({ title: Name(200).optional(), ...featureFields, version: Version.optional() });
/** Who owns a feature, in a filter: a member's user id, or "none" for features nobody owns. */
export const OwnerFilter = Id.or(z.literal('none'));
export const FeatureListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  status: csv(FeatureStatus).optional(),
  productId: Id.optional(),
  tag: z.string().max(40).optional(),
  ownerId: csv(OwnerFilter).optional().describe('Comma-separated owner user ids; "none" matches features without an owner'),
  sort: FeatureSort.default('created').describe(
    'created/updated: newest first; title: A–Z; a framework: highest score first, unscored last',
  ),
});

export const FeatureLinkBody = z.strictObject({
  insightId: Id,
  highlight: z.string().trim().max(2_000).nullable().optional().describe('The quoted part of the insight'),
  importance: Importance.optional(),
});
export const FeatureLink = z.object({
  featureId: Id,
  insightId: Id,
  highlight: z.string().nullable(),
  importance: Importance,
  createdAt: Timestamp,
  createdBy: UserRef.nullable(),
});

const MoneyTotal = z.object({ currency: z.string(), monthly: z.number() });
export const Evidence = z.object({
  featureId: Id,
  insightCount: z.number().int(),
  customerCount: z.number().int(),
  revenue: z.array(MoneyTotal).describe('Monthly revenue of distinct customers, per currency (never converted)'),
  importance: z.record(Importance, z.number().int()),
  bySegment: z.array(
    z.object({
      segment: z.string().nullable(),
      insightCount: z.number().int(),
      customerCount: z.number().int(),
      revenue: z.array(MoneyTotal),
    }),
  ),
  bySource: z.record(z.string(), z.number().int()),
  quotes: z.array(
    z.object({
      insightId: Id,
      highlight: z.string().nullable(),
      text: z.string(),
      importance: Importance,
      source: InsightSource,
      customer: CustomerRef.nullable(),
      receivedAt: Timestamp,
    }),
  ),
});
export const EvidenceQuery = z.strictObject({ segment: z.string().max(80).optional() });

// ---- search
export const SEARCH_TYPES = ['insight', 'feature', 'customer', 'product'] as const;
export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  types: csv(z.enum(SEARCH_TYPES)).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const SearchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id: Id,
  title: z.string(),
  titleHighlight: z.string().describe('The title with its matches wrapped in <mark>…</mark>; everything else is escaped'),
  snippet: z
    .string()
    .describe(
      'Where it matched, marked the same way: an excerpt of the body when the body matched, else the title (then equal to titleHighlight)',
    ),
  score: z.number(),
});

// ---- imports
export const IMPORT_KINDS = ['insights', 'customers'] as const;
export const IMPORT_PROBLEM_CODES = [
  'unbalanced_quotes',
  'misplaced_quote',
  'column_count',
  'invalid_value',
  'unknown_customer',
  'unknown_customer_external_id',
  'unknown_product',
  'invalid_field',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];
/** One thing wrong with a row: a stable code and its values (to translate), and the same in English. */
export const ImportRowProblem = z.object({
  code: z.enum(IMPORT_PROBLEM_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  reason: z.string(),
});
export type ImportRowProblem = z.infer<typeof ImportRowProblem>;
export const ImportRowError = z.object({
  line: z.number().int().describe('1-based line of the file the row starts on (the header is line 1)'),
  endLine: z.number().int().describe('Last line of the row, when a quoted value spans several'),
  reason: z.string().describe('Every problem of the row, in English'),
  problems: z.array(ImportRowProblem),
});
export type ImportRowError = z.infer<typeof ImportRowError>;
export const IMPORT_NOTICE_CODES = ['read_as_windows_1252', 'stopped_on_bad_rows', 'failed_after_rows', 'interrupted'] as const;
export const ImportNotice = z.object({
  code: z.enum(IMPORT_NOTICE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportNotice = z.infer<typeof ImportNotice>;
export const ImportJob = z.object({
  id: Id,
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(['running', 'done', 'failed']),
  fileName: z.string(),
  onError: z.enum(['skip', 'stop']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdRows: z.number().int(),
  updatedRows: z.number().int(),
  skippedRows: z.number().int(),
  unchangedRows: z.number().int().describe('Rows whose record (same external id) already held every value of the row'),
  errors: z.array(ImportRowError).describe('Rows that were not imported (at most 1,000), in file order'),
  message: z.string().nullable().describe('What to know about the import as a whole, in English'),
  notice: ImportNotice.nullable().describe('The same as `message`, as a code and values a client can translate'),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
