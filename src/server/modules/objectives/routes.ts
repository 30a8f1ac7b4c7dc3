import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireVersion } from '../../http/handler.js';
import { createKeyResult, deleteKeyResult, listKeyResults, updateKeyResult } from './key-results.js';
import { linkFeatureObjective, listFeatureObjectives, listObjectiveFeatures, unlinkFeatureObjective } from './links.js';
import { createObjective, deleteObjective, getObjective, listObjectives, updateObjective } from './objectives.js';

export const objectiveHandlers = {
  listObjectives: async (ctx) => listObjectives(ctx.services, requireAccess(ctx), ctx.query),
  createObjective: async (ctx) => createObjective(ctx.services, requireAccess(ctx), ctx.body),
  getObjective: async (ctx) => {
    const objective = await getObjective(ctx.services, requireAccess(ctx), ctx.params.id);
    ctx.reply.header('etag', `"${objective.version}"`);
    return objective;
  },
  updateObjective: async (ctx) => {
    const objective = await updateObjective(ctx.services, requireAccess(ctx), ctx.params.id, requireVersion(ctx), ctx.body);
    ctx.reply.header('etag', `"${objective.version}"`);
    return objective;
  },
  deleteObjective: async (ctx) => {
    await deleteObjective(ctx.services, requireAccess(ctx), ctx.params.id, ctx.expectedVersion);
    return null;
  },
  listObjectiveFeatures: async (ctx) => listObjectiveFeatures(ctx.services, requireAccess(ctx), ctx.params.id, ctx.query),

  listKeyResults: async (ctx) => listKeyResults(ctx.services, requireAccess(ctx), ctx.params.id),
  createKeyResult: async (ctx) => createKeyResult(ctx.services, requireAccess(ctx), ctx.params.id, ctx.body),
  updateKeyResult: async (ctx) =>
    updateKeyResult(ctx.services, requireAccess(ctx), ctx.params.id, ctx.params.keyResultId, requireVersion(ctx), ctx.body),
  deleteKeyResult: async (ctx) => {
    await deleteKeyResult(ctx.services, requireAccess(ctx), ctx.params.id, ctx.params.keyResultId, ctx.expectedVersion);
    return null;
  },

  listFeatureObjectives: async (ctx) => listFeatureObjectives(ctx.services, requireAccess(ctx), ctx.params.id),
  linkFeatureObjective: async (ctx) => linkFeatureObjective(ctx.services, requireAccess(ctx), ctx.params.id, ctx.body.objectiveId),
  unlinkFeatureObjective: async (ctx) => {
    await unlinkFeatureObjective(ctx.services, requireAccess(ctx), ctx.params.id, ctx.params.objectiveId);
    return null;
  },
} satisfies {
  [K in
    | 'listObjectives'
    | 'createObjective'
    | 'getObjective'
    | 'updateObjective'
    | 'deleteObjective'
    | 'listObjectiveFeatures'
    | 'listKeyResults'
    | 'createKeyResult'
    | 'updateKeyResult'
    | 'deleteKeyResult'
    | 'listFeatureObjectives'
    | 'linkFeatureObjective'
    | 'unlinkFeatureObjective']: Handler<Routes[K]>;
};
