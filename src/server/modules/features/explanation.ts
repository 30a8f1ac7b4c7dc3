import type { z } from 'zod';
import type { MoscowSummaryQuery } from '../../../contract/scoring.js';
import { EVIDENCE_NAMES, type EvidenceName } from '../../../domain/scoring/custom.js';
import {
  compiledCustom,
  explainFeatureScore,
  type FeatureScoreInputs,
  parseScoreInputs,
  type ScoringSettings,
  SETTINGS_OF,
} from '../../../domain/scoring/feature-scores.js';
import { MOSCOW_GUIDANCE, type MoscowCategory, type MoscowItem, summarizeMoscow } from '../../../domain/scoring/moscow.js';
import type { FrameworkKey } from '../../../domain/scoring/result.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { type EvidenceReads, lastScoreChange } from './last-change.js';
import { evidenceOf, loadFeature } from './queries.js';
import { refreshStaleReachWindows } from './scores.js';
import { loadScoringSettings } from './scoring-settings.js';

/**
 * Why a feature scores what it does under one framework: the domain's explanation (inputs,
 * contributions, missing inputs, errors), the settings it depends on, and the newest change
 * that moved it — inputs of this framework, the evidence when the score reads it (links,
 * linked insights deleted, merged or moved to another customer, customers' revenue), or a
 * workspace setting it depends on.
 */
export async function featureScoreExplanation(services: Services, access: Access, featureId: string, requested?: FrameworkKey) {
  authorize(access, 'discovery.read');
  await refreshStaleReachWindows(services.db, access.workspace.id);
  const { settings } = await loadScoringSettings(services.db, access.workspace.id);
  const row = await loadFeature(services.db, access, featureId, settings.revenueCurrency);
  const framework = requested ?? settings.defaultFramework;
  const inputs = parseScoreInputs(row.scores);
  const explanation = explainFeatureScore(framework, inputs, evidenceOf(row, inputs), settings);

  const lastChange = await lastScoreChange(services.db, access.workspace.id, featureId, {
    prefix: `scores.${framework}.`,
    settingKeys: SETTINGS_OF[framework].map((k) => `scoring.${k}`),
    reads: evidenceReads(framework, inputs, settings, row.reach_since),
    revenueCurrency: settings.revenueCurrency,
  });

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

/** The evidence a framework's score reads for this feature (none: its evidence cannot move it). */
function evidenceReads(
  framework: FrameworkKey,
  inputs: FeatureScoreInputs,
  settings: ScoringSettings,
  since: string | null,
): EvidenceReads | null {
  if (framework === 'rice') {
    const source = inputs.rice?.reachSource ?? 'manual';
    if (source === 'manual') return null;
    const window = inputs.rice?.reachWindowDays != null;
    return { names: new Set<EvidenceName>([source]), window, since: window ? since : null };
  }
  if (framework === 'custom') {
    const compiled = compiledCustom(settings);
    if (!compiled?.ok) return null;
    const names = EVIDENCE_NAMES.filter((n) => compiled.config.formula.identifiers.includes(n));
    return names.length > 0 ? { names: new Set(names), window: false } : null;
  }
  return null;
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
