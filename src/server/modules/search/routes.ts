import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess } from '../../http/handler.js';
import { searchWorkspace } from './service.js';

export const searchHandlers = {
  search: async (ctx) => searchWorkspace(ctx.services, requireAccess(ctx), ctx.query),
} satisfies { search: Handler<Routes['search']> };
