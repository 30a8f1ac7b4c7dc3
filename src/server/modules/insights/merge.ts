import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { InsightMergeBody, MergeWarning as MergeWarningDto } from '../../../contract/discovery.js';
import { type MergeableLink, type MergeWarning, mergeInsights, mergeNeedsConfirmation } from '../../../domain/discovery/index.js';
import type { Database, FeatureInsightsTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../lib/ids.js';
import type { Services } from '../../services.js';
import { refreshFeatureScores } from '../features/scores.js';
import { type Access, authorize } from '../workspaces/service.js';
import { stripView, toInsightDto } from './queries.js';
import { loadInsight, saveInsight } from './service.js';

const REFUSALS = {
  same_insight: 'An insight cannot be merged into itself.',
  already_merged: 'That insight was already merged into another one.',
  target_merged: 'This insight was itself merged into another one; merge into that one instead.',
  target_archived: 'Restore this insight before merging duplicates into it.',
} as const;

type LinkRow = Selectable<FeatureInsightsTable>;
type WarningDto = z.output<typeof MergeWarningDto>;

/** A link as the change log keeps it: enough to write it back when the merge is undone. */
const LoggedLink = z.object({
  featureId: z.string(),
  insightId: z.string(),
  highlight: z.string().nullable(),
  importance: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
type LoggedLink = z.output<typeof LoggedLink>;

const logged = (l: LinkRow): LoggedLink => ({
  featureId: l.feature_id,
  insightId: l.insight_id,
  highlight: l.highlight,
  importance: l.importance,
  createdBy: l.created_by,
  createdAt: l.created_at,
});

/** The features a dropped customer really leaves: no other insight of theirs is linked to them. */
async function describeWarnings(
  trx: Kysely<Database>,
  workspaceId: string,
  warnings: readonly MergeWarning[],
  mergedIds: string[],
): Promise<WarningDto[]> {
  const out: WarningDto[] = [];
  for (const w of warnings) {
    if (w.kind !== 'customer_dropped') {
      out.push(w);
      continue;
    }
    const features =
      w.featureIds.length === 0
        ? []
        : await trx
            .selectFrom('features')
            .select(['features.id', 'features.title'])
            .where('features.workspace_id', '=', workspaceId)
            .where('features.id', 'in', w.featureIds)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('feature_insights')
                    .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
                    .select('feature_insights.feature_id')
                    .whereRef('feature_insights.feature_id', '=', 'features.id')
                    .where('insights.customer_id', '=', w.customer.id)
                    .where('insights.id', 'not in', mergedIds),
                ),
              ),
            )
            .orderBy('features.title_key')
            .orderBy('features.id')
            .execute();
    out.push({ kind: 'customer_dropped', customer: w.customer, features });
  }
  return out;
}

/**
 * Merges a duplicate into a kept insight. The rules (text quoted, tags united, higher
 * importance, links moved one per feature, duplicate archived) are the domain's
 * mergeInsights; this applies its result in one transaction.
 *
 * Insights from two customers are refused unless `confirm` is true (409
 * confirmation_required, with the warnings): the kept insight has one customer, so the
 * duplicate's stops counting in its features' evidence. The change log records the links
 * the merge replaced and the versions it wrote, which is what unmergeInsight restores from.
 */
export async function mergeInsight(services: Services, access: Access, keptId: string, body: z.output<typeof InsightMergeBody>) {
  authorize(access, 'insight.write');
  const duplicateId = body.duplicateId;
  return services.db.transaction().execute(async (trx) => {
    const keptView = await loadInsight(trx, access, keptId);
    const dupView = await loadInsight(trx, access, duplicateId);
    const links = await trx
      .selectFrom('feature_insights')
      .selectAll()
      .where('insight_id', 'in', [keptId, duplicateId])
      .orderBy('feature_id')
      .orderBy('insight_id')
      .execute();
    const asLink = (l: LinkRow): MergeableLink & { row: LinkRow } => ({
      featureId: l.feature_id,
      insightId: l.insight_id,
      highlight: l.highlight,
      importance: toInsightDto({ ...dupView, importance: l.importance }).importance,
      row: l,
    });
    const result = mergeInsights(toInsightDto(keptView), toInsightDto(dupView), links.map(asLink));
    if (!result.ok) throw new AppError('rule_violated', REFUSALS[result.reason]);

    const warnings = await describeWarnings(trx, access.workspace.id, result.warnings, [keptId, duplicateId]);
    if (mergeNeedsConfirmation(result.warnings) && body.confirm !== true) {
      const dropped = warnings.find((w) => w.kind === 'customer_dropped');
      const who = dropped?.kind === 'customer_dropped' ? dropped.customer.name : 'The other customer';
      const what =
        dropped?.kind === 'customer_dropped' && dropped.features.length > 0
          ? ` and stops counting in the evidence of ${dropped.features.map((f) => `“${f.title}”`).join(', ')}`
          : '';
      const message = `${who} would no longer be this feedback’s customer${what}. Send confirm: true to merge anyway, or link both insights to the feature instead.`;
      throw new AppError('confirmation_required', message, {
        errors: [{ path: 'body.confirm', message: 'Needed to merge feedback from two different customers' }],
        warnings,
      });
    }

    const now = nowIso();
    const merged = result.links.map((l) => ({
      feature_id: l.featureId,
      insight_id: keptId,
      workspace_id: access.workspace.id,
      highlight: l.highlight,
      importance: l.importance,
      created_by: l.row.created_by,
      created_at: l.row.created_at,
    }));
    await trx.deleteFrom('feature_insights').where('insight_id', 'in', [keptId, duplicateId]).execute();
    if (merged.length > 0) await trx.insertInto('feature_insights').values(merged).execute();
    const t = result.target;
    await saveInsight(
      trx,
      services,
      access,
      dupView,
      { ...stripView(dupView), status: 'archived', merged_into_id: keptId, version: dupView.version + 1, updated_at: now },
      'merged_away',
      { version: { from: dupView.version, to: dupView.version + 1 } },
    );
    const kept = await saveInsight(
      trx,
      services,
      access,
      keptView,
      {
        ...stripView(keptView),
        text: t.text,
        tags: JSON.stringify(t.tags),
        importance: t.importance,
        customer_id: t.customer?.id ?? null,
        person_name: t.personName ?? null,
        person_email: t.personEmail ?? null,
        status: t.status,
        version: keptView.version + 1,
        updated_at: now,
      },
      'merged',
      {
        mergedFrom: { from: null, to: duplicateId },
        links: { from: links.map(logged), to: merged.map(logged) },
        version: { from: keptView.version, to: keptView.version + 1 },
        ...(warnings.length > 0 && { warnings: { from: null, to: warnings } }),
      },
    );
    // The features' evidence moved (links combined, maybe another customer): rescore them.
    await refreshFeatureScores(trx, access.workspace.id, [...new Set(links.map((l) => l.feature_id))]);
    // An archived duplicate is no longer suggested as similar to anything.
    services.similarity.remove(access.workspace.id, duplicateId);
    return { ...kept, warnings };
  });
}

/** The parts of a merge's change-log records that undoing it reads; anything else is refused. */
const Change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });
const MergedRecord = z.object({
  mergedFrom: z.object({ from: z.null(), to: z.string() }),
  links: Change(z.array(LoggedLink)),
  version: Change(z.number().int()),
  text: Change(z.string()).optional(),
  tags: Change(z.array(z.string())).optional(),
  importance: Change(z.string()).optional(),
  customer: Change(z.object({ id: z.string() }).nullable()).optional(),
  personName: Change(z.string().nullable()).optional(),
  personEmail: Change(z.string().nullable()).optional(),
  status: Change(z.string()).optional(),
});
const MergedAwayRecord = z.object({
  version: Change(z.number().int()),
  status: Change(z.string()).optional(),
});

async function latestChange(trx: Kysely<Database>, workspaceId: string, insightId: string) {
  const row = await trx
    .selectFrom('change_log')
    .select(['action', 'changes'])
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', 'insight')
    .where('entity_id', '=', insightId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return { action: row.action, changes: JSON.parse(row.changes) as unknown };
  } catch {
    return null;
  }
}

const linkKey = (l: Pick<LoggedLink, 'featureId' | 'insightId' | 'highlight' | 'importance'>) =>
  JSON.stringify([l.featureId, l.insightId, l.highlight, l.importance]);

/**
 * Undoes the merge of `duplicateId`: the kept insight gets back its text, tags, importance,
 * customer, person and status, the links are as they were before the merge (so is every
 * feature's evidence), and the duplicate leaves the archive. Only while nothing changed
 * since: either insight edited or its links changed → 409 version_conflict (the merge stays).
 */
export async function unmergeInsight(services: Services, access: Access, duplicateId: string) {
  authorize(access, 'insight.write');
  return services.db.transaction().execute(async (trx) => {
    const ws = access.workspace.id;
    const dupView = await loadInsight(trx, access, duplicateId);
    const keptId = dupView.merged_into_id;
    if (!keptId) throw new AppError('rule_violated', 'This insight is not merged into another one.');
    const keptRow = await trx
      .selectFrom('insights')
      .select('id')
      .where('id', '=', keptId)
      .where('workspace_id', '=', ws)
      .executeTakeFirst();
    if (!keptRow) throw notFound('The insight it was merged into');
    const keptView = await loadInsight(trx, access, keptId);
    const changed = () =>
      new AppError('version_conflict', 'One of the two insights or their links changed since the merge, so it cannot be undone any more.', {
        current: toInsightDto(keptView),
      });

    const [keptEntry, dupEntry] = await Promise.all([latestChange(trx, ws, keptId), latestChange(trx, ws, duplicateId)]);
    if (keptEntry?.action !== 'merged' || dupEntry?.action !== 'merged_away') throw changed();
    const record = MergedRecord.safeParse(keptEntry.changes);
    const away = MergedAwayRecord.safeParse(dupEntry.changes);
    if (!record.success || !away.success || record.data.mergedFrom.to !== duplicateId) throw changed();
    const r = record.data;
    if (r.version.to !== keptView.version || away.data.version.to !== dupView.version) throw changed();
    const current = await trx.selectFrom('feature_insights').selectAll().where('insight_id', 'in', [keptId, duplicateId]).execute();
    const expected = new Set(r.links.to.map(linkKey));
    if (current.length !== expected.size || !current.every((l) => expected.has(linkKey(logged(l))))) throw changed();

    // Write the links back; people and customers deleted since are left out.
    const restored = r.links.from;
    const users = new Set(
      (
        await trx
          .selectFrom('users')
          .select('id')
          .where('id', 'in', ['', ...restored.flatMap((l) => (l.createdBy ? [l.createdBy] : []))])
          .execute()
      ).map((u) => u.id),
    );
    await trx.deleteFrom('feature_insights').where('insight_id', 'in', [keptId, duplicateId]).execute();
    if (restored.length > 0) {
      await trx
        .insertInto('feature_insights')
        .values(
          restored.map((l) => ({
            feature_id: l.featureId,
            insight_id: l.insightId,
            workspace_id: ws,
            highlight: l.highlight,
            importance: l.importance,
            created_by: l.createdBy && users.has(l.createdBy) ? l.createdBy : null,
            created_at: l.createdAt,
          })),
        )
        .execute();
    }
    let customerId = keptView.customer_id;
    if (r.customer) {
      const wanted = r.customer.from?.id ?? null;
      const exists =
        wanted &&
        (await trx.selectFrom('customers').select('id').where('id', '=', wanted).where('workspace_id', '=', ws).executeTakeFirst());
      customerId = exists ? wanted : null;
    }
    const now = nowIso();
    const kept = await saveInsight(
      trx,
      services,
      access,
      keptView,
      {
        ...stripView(keptView),
        text: r.text?.from ?? keptView.text,
        tags: r.tags ? JSON.stringify(r.tags.from) : keptView.tags,
        importance: r.importance?.from ?? keptView.importance,
        customer_id: customerId,
        person_name: r.personName ? r.personName.from : keptView.person_name,
        person_email: r.personEmail ? r.personEmail.from : keptView.person_email,
        status: r.status?.from ?? keptView.status,
        version: keptView.version + 1,
        updated_at: now,
      },
      'unmerged',
      { mergedFrom: { from: duplicateId, to: null } },
    );
    const dup = await saveInsight(
      trx,
      services,
      access,
      dupView,
      {
        ...stripView(dupView),
        status: away.data.status?.from ?? dupView.status,
        merged_into_id: null,
        version: dupView.version + 1,
        updated_at: now,
      },
      'unmerged',
    );
    await refreshFeatureScores(trx, ws, [...new Set([...restored, ...r.links.to].map((l) => l.featureId))]);
    services.similarity.upsert(ws, duplicateId, dupView.text);
    return { kept, restored: dup };
  });
}
