import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess } from '../../http/handler.js';
import { getImport, listImports, startImport } from './service.js';

export const importHandlers = {
  listImports: async (ctx) => listImports(ctx.services, requireAccess(ctx)),
  createImport: async (ctx) => startImport(ctx.services, requireAccess(ctx), ctx.request),
  getImport: async (ctx) => getImport(ctx.services, requireAccess(ctx), ctx.params.id),
} satisfies { [K in 'listImports' | 'createImport' | 'getImport']: Handler<Routes[K]> };
