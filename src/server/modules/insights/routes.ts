import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireVersion } from '../../http/handler.js';
import { exportInsightsCsv } from './export.js';
import { mergeInsight, unmergeInsight } from './merge.js';
import { bulkUpdateInsights, countInsights, createInsight, deleteInsight, getInsight, listInsights, updateInsight } from './service.js';
import { similarInsights } from './similar.js';

export const insightHandlers = {
  listInsights: async (ctx) => listInsights(ctx.services, requireAccess(ctx), ctx.query),
  countInsights: async (ctx) => countInsights(ctx.services, requireAccess(ctx), ctx.query),
  createInsight: async (ctx) => createInsight(ctx.services, requireAccess(ctx), ctx.body),
  getInsight: async (ctx) => getInsight(ctx.services, requireAccess(ctx), ctx.params.id),
  updateInsight: async (ctx) => updateInsight(ctx.services, requireAccess(ctx), ctx.params.id, requireVersion(ctx), ctx.body),
  deleteInsight: async (ctx) => {
    await deleteInsight(ctx.services, requireAccess(ctx), ctx.params.id, ctx.expectedVersion);
    return null;
  },
  bulkUpdateInsights: async (ctx) => bulkUpdateInsights(ctx.services, requireAccess(ctx), ctx.body),
  similarInsights: async (ctx) => similarInsights(ctx.services, requireAccess(ctx), ctx.params.id),
  mergeInsight: async (ctx) => mergeInsight(ctx.services, requireAccess(ctx), ctx.params.id, ctx.body),
  unmergeInsight: async (ctx) => unmergeInsight(ctx.services, requireAccess(ctx), ctx.params.id),
  exportInsights: async (ctx) => {
    const access = requireAccess(ctx);
    ctx.reply.header('content-type', 'text/csv; charset=utf-8');
    ctx.reply.header('content-disposition', `attachment; filename="${access.workspace.slug}-insights.csv"`);
    return exportInsightsCsv(ctx.services, access, ctx.query);
  },
} satisfies {
  [K in
    | 'listInsights'
    | 'countInsights'
    | 'createInsight'
    | 'getInsight'
    | 'updateInsight'
    | 'deleteInsight'
    | 'bulkUpdateInsights'
    | 'similarInsights'
    | 'mergeInsight'
    | 'unmergeInsight'
    | 'exportInsights']: Handler<Routes[K]>;
};
