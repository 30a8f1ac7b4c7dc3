import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireVersion } from '../../http/handler.js';
import { featureEvidence } from './evidence.js';
import { createFeature, deleteFeature, getFeature, linkInsight, listFeatures, unlinkInsight, updateFeature } from './service.js';

export const featureHandlers = {
  listFeatures: async (ctx) => listFeatures(ctx.services, requireAccess(ctx), ctx.query),
  createFeature: async (ctx) => createFeature(ctx.services, requireAccess(ctx), ctx.body),
  getFeature: async (ctx) => getFeature(ctx.services, requireAccess(ctx), ctx.params.id),
  updateFeature: async (ctx) => updateFeature(ctx.services, requireAccess(ctx), ctx.params.id, requireVersion(ctx), ctx.body),
  deleteFeature: async (ctx) => {
    await deleteFeature(ctx.services, requireAccess(ctx), ctx.params.id);
    return null;
  },
  linkInsight: async (ctx) => linkInsight(ctx.services, requireAccess(ctx), ctx.params.id, ctx.body),
  unlinkInsight: async (ctx) => {
    await unlinkInsight(ctx.services, requireAccess(ctx), ctx.params.id, ctx.params.insightId);
    return null;
  },
  featureEvidence: async (ctx) => featureEvidence(ctx.services, requireAccess(ctx), ctx.params.id, ctx.query.segment),
} satisfies {
  [K in
    | 'listFeatures'
    | 'createFeature'
    | 'getFeature'
    | 'updateFeature'
    | 'deleteFeature'
    | 'linkInsight'
    | 'unlinkInsight'
    | 'featureEvidence']: Handler<Routes[K]>;
};
