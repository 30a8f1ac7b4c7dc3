import type { z } from 'zod';
import type { MoscowSummaryQuery } from '../../../contract/scoring.js';
import { compiledCustom, explainFeatureScore, parseScoreInputs, SETTINGS_OF } from '../../../domain/scoring/feature-scores.js';
import { MOSCOW_GUIDANCE, type MoscowCategory, type MoscowItem, summarizeMoscow } from '../../../domain/scoring/moscow.js';
import type { FrameworkKey } from '../../../domain/scoring/result.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { evidenceOf, loadFeature } from './queries.js';
import { loadScoringSettings } from './scoring-settings.js';

/** How far back the explanation looks for "what changed it last". */
const HISTORY = 500;

/**
 * Why a feature scores what it does under one framework: the domain's explanation (inputs,
 * contributions, missing inputs, errors), the settings it depends on, and the newest change
 * that moved it — an input of this framework, the evidence when the score reads it, or a
 * workspace setting it depends on.
 */
export async function featureScoreExplanation(services: Services, access: Access, featureId: string, requested?: FrameworkKey) {
  authorize(access, 'discovery.read');
  const { settings } = await loadScoringSettings(services.db, access.workspace.id);
  const row = await loadFeature(services.db, access, featureId, settings.revenueCurrency);
  const framework = requested ?? settings.defaultFramework;
  const inputs = parseScoreInputs(row.scores);
  const explanation = explainFeatureScore(framework, inputs, evidenceOf(row), settings);

  const compiled = compiledCustom(settings);
  const readsEvidence =
    (framework === 'rice' && (inputs.rice?.reachSource ?? 'manual') !== 'manual') ||
    (framework === 'custom' &&
      compiled?.ok === true &&
      compiled.config.formula.identifiers.some((n) => ['insights', 'customers', 'revenue'].includes(n)));
  const prefix = `scores.${framework}.`;
  const settingKeys = SETTINGS_OF[framework].map((k) => `scoring.${k}`);

  const entries = await services.db
    .selectFrom('change_log')
    .leftJoin('users', 'users.id', 'change_log.actor_id')
    .select([
      'change_log.seq',
      'change_log.entity',
      'change_log.action',
      'change_log.at',
      'change_log.changes',
      'users.id as user_id',
      'users.name as user_name',
      'users.email as user_email',
    ])
    .where('change_log.workspace_id', '=', access.workspace.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('change_log.entity', '=', 'feature'), eb('change_log.entity_id', '=', featureId)]),
        ...(settingKeys.length > 0
          ? [eb.and([eb('change_log.entity', '=', 'workspace'), eb('change_log.action', '=', 'scoring_updated')])]
          : []),
      ]),
    )
    .orderBy('change_log.seq', 'desc')
    .limit(HISTORY)
    .execute();

  let lastChange: { at: string; by: { id: string; name: string; email: string } | null; field: string; from: unknown; to: unknown } | null =
    null;
  for (const e of entries) {
    let changes: Record<string, { from: unknown; to: unknown }>;
    try {
      changes = JSON.parse(e.changes) as typeof changes;
    } catch {
      continue;
    }
    let field: string | undefined;
    if (e.entity === 'feature') {
      field = Object.keys(changes).find((k) => k.startsWith(prefix));
      if (!field && readsEvidence && (e.action === 'insight_linked' || e.action === 'insight_unlinked')) field = 'insightId';
      if (field === 'insightId') {
        const c = changes.insightId!;
        lastChange = {
          at: e.at,
          by: userOf(e),
          field: `evidence.${e.action === 'insight_linked' ? 'linked' : 'unlinked'}`,
          from: c.from,
          to: c.to,
        };
        break;
      }
    } else {
      field = Object.keys(changes).find((k) => settingKeys.includes(k));
    }
    if (field) {
      const c = changes[field]!;
      lastChange = { at: e.at, by: userOf(e), field: field.replace(/^scoring\./, 'settings.'), from: c.from ?? null, to: c.to ?? null };
      break;
    }
  }

  return {
    featureId,
    framework,
    value: explanation.value,
    summary: explanation.summary,
    inputs: explanation.inputs,
    contributions: explanation.contributions,
    missing: explanation.missing,
    errors: explanation.errors,
    settings: explanation.settings,
    lastChange,
  };
}

function userOf(e: { user_id: string | null; user_name: string | null; user_email: string | null }) {
  return e.user_id ? { id: e.user_id, name: e.user_name ?? '', email: e.user_email ?? '' } : null;
}

/**
 * The DSDM check over a set of features (a product, a status such as "planned"): the share
 * of planned effort that is Must-have, against the workspace's limit. Features without a
 * MoSCoW category are not part of the plan; those with a category but no effort are listed
 * as incomplete rather than counted as 0.
 */
export async function featureMoscowSummary(services: Services, access: Access, query: z.output<typeof MoscowSummaryQuery>) {
  authorize(access, 'discovery.read');
  const { settings } = await loadScoringSettings(services.db, access.workspace.id);
  let q = services.db
    .selectFrom('features')
    .select(['id', 'title', 'scores'])
    .where('workspace_id', '=', access.workspace.id)
    .where('score_moscow', 'is not', null);
  if (query.productId) q = q.where('product_id', '=', query.productId);
  if (query.status?.length) q = q.where('status', 'in', query.status);
  const rows = await q.orderBy('title_key').orderBy('id').execute();

  const titles = new Map(rows.map((r) => [r.id, r.title]));
  const items: MoscowItem[] = rows.map((r) => {
    const m = parseScoreInputs(r.scores).moscow ?? {};
    return { id: r.id, category: m.category ?? null, effort: m.effort ?? null };
  });
  const totals: Record<MoscowCategory, number> = { must: 0, should: 0, could: 0, wont: 0 };
  for (const i of items) if (i.category && typeof i.effort === 'number') totals[i.category] += i.effort;
  const incomplete = items
    .filter((i) => i.effort === null || i.effort === undefined)
    .map((i) => ({ id: i.id, title: titles.get(i.id) ?? '', missing: ['effort'] }));

  const result = summarizeMoscow(items, { limit: settings.moscowLimit });
  if (!result.ok) {
    return {
      share: null,
      limit: settings.moscowLimit,
      exceeded: false,
      warning: null,
      guidance: MOSCOW_GUIDANCE,
      totals,
      plannedEffort: totals.must + totals.should + totals.could,
      featureCount: items.length,
      incomplete,
    };
  }
  return {
    share: result.value,
    limit: result.limit,
    exceeded: result.overLimit,
    warning: result.warning,
    guidance: result.guidance,
    totals: result.totals,
    plannedEffort: result.plannedEffort,
    featureCount: items.length,
    incomplete,
  };
}
