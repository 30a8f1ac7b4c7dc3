import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireVersion } from '../../http/handler.js';
import { featureEvidence } from './evidence.js';
import { featureMoscowSummary, featureScoreExplanation } from './explanation.js';
import { linkInsight, unlinkInsight } from './links.js';
import { getFeature, listFeatures } from './queries.js';
import { getScoring, updateScoring } from './scoring-settings.js';
import { createFeature, deleteFeature, updateFeature } from './service.js';

export const featureHandlers = {
  listFeatures: async (ctx) => listFeatures(ctx.services, requireAccess(ctx), ctx.query),
  createFeature: async (ctx) => createFeature(ctx.services, requireAccess(ctx), ctx.body),
  getFeature: async (ctx) => getFeature(ctx.services, requireAccess(ctx), ctx.params.id),
  updateFeature: async (ctx) => updateFeature(ctx.services, requireAccess(ctx), ctx.params.id, requireVersion(ctx), ctx.body),
  deleteFeature: async (ctx) => {
    await deleteFeature(ctx.services, requireAccess(ctx), ctx.params.id, ctx.expectedVersion);
    return null;
  },
  linkInsight: async (ctx) => linkInsight(ctx.services, requireAccess(ctx), ctx.params.id, ctx.body),
  unlinkInsight: async (ctx) => {
    await unlinkInsight(ctx.services, requireAccess(ctx), ctx.params.id, ctx.params.insightId);
    return null;
  },
  featureEvidence: async (ctx) => featureEvidence(ctx.services, requireAccess(ctx), ctx.params.id, ctx.query.segment),
  featureScoreExplanation: async (ctx) => featureScoreExplanation(ctx.services, requireAccess(ctx), ctx.params.id, ctx.query.framework),
  featureMoscowSummary: async (ctx) => featureMoscowSummary(ctx.services, requireAccess(ctx), ctx.query),
  getScoring: async (ctx) => getScoring(ctx.services, requireAccess(ctx)),
  updateScoring: async (ctx) => updateScoring(ctx.services, requireAccess(ctx), requireVersion(ctx), ctx.body),
} satisfies {
  [K in
    | 'listFeatures'
    | 'createFeature'
    | 'getFeature'
    | 'updateFeature'
    | 'deleteFeature'
    | 'linkInsight'
    | 'unlinkInsight'
    | 'featureEvidence'
    | 'featureScoreExplanation'
    | 'featureMoscowSummary'
    | 'getScoring'
    | 'updateScoring']: Handler<Routes[K]>;
};
