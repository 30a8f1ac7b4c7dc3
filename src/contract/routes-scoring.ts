import { WorkspaceItemParams, WorkspaceParams } from './common.js';
import { route } from './route.js';
import {
  MoscowSummary,
  MoscowSummaryQuery,
  ScoreExplanation,
  ScoreExplanationQuery,
  ScoringSettings,
  ScoringSettingsPatch,
} from './scoring.js';

const WS = '/api/v1/workspaces/:workspace';
const crud = { auth: 'user' as const };

/**
 * Scoring: why a feature scores what it does, the MoSCoW effort check, and the workspace's
 * scoring rules. Feature scores themselves are read and written on the feature
 * (`scores` on GET/PATCH …/features/:id, `sort=` on the list).
 */
export const scoringRoutes = {
  featureScoreExplanation: route({
    ...crud,
    operationId: 'featureScoreExplanation',
    method: 'GET',
    path: `${WS}/features/:id/score-explanation`,
    tag: 'Scoring',
    permission: 'discovery.read',
    summary: "Why a feature scores what it does: inputs, each one's contribution, what is missing, and what changed it last",
    params: WorkspaceItemParams,
    query: ScoreExplanationQuery,
    status: 200,
    response: ScoreExplanation,
  }),
  featureMoscowSummary: route({
    ...crud,
    operationId: 'featureMoscowSummary',
    method: 'GET',
    path: `${WS}/features/moscow-summary`,
    tag: 'Scoring',
    permission: 'discovery.read',
    summary:
      "Share of planned effort that is Must-have among the filtered features, with a warning above the workspace's limit (60% by default)",
    params: WorkspaceParams,
    query: MoscowSummaryQuery,
    status: 200,
    response: MoscowSummary,
  }),
  getScoring: route({
    ...crud,
    operationId: 'getScoring',
    method: 'GET',
    path: `${WS}/scoring`,
    tag: 'Scoring',
    permission: 'strategy.read',
    summary:
      "The workspace's scoring rules: ICE variant, MoSCoW limit, value/effort midpoint, revenue currency, custom drivers and formula",
    params: WorkspaceParams,
    status: 200,
    response: ScoringSettings,
  }),
  updateScoring: route({
    ...crud,
    operationId: 'updateScoring',
    method: 'PATCH',
    path: `${WS}/scoring`,
    tag: 'Scoring',
    permission: 'strategy.write',
    versioned: true,
    summary:
      "Change the workspace's scoring rules (drivers and formula are checked, errors point at the position); every feature's stored scores are recomputed",
    params: WorkspaceParams,
    body: ScoringSettingsPatch,
    status: 200,
    response: ScoringSettings,
  }),
};
