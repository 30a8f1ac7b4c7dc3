import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess } from '../../http/handler.js';
import { listActivity } from './service.js';

export const activityHandlers = {
  listActivity: async (ctx) => listActivity(ctx.services.db, requireAccess(ctx), ctx.query),
} satisfies { listActivity: Handler<Routes['listActivity']> };
