import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireVersion } from '../../http/handler.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './service.js';

export const customerHandlers = {
  listCustomers: async (ctx) => listCustomers(ctx.services, requireAccess(ctx), ctx.query),
  createCustomer: async (ctx) => createCustomer(ctx.services, requireAccess(ctx), ctx.body),
  getCustomer: async (ctx) => getCustomer(ctx.services, requireAccess(ctx), ctx.params.id),
  updateCustomer: async (ctx) => updateCustomer(ctx.services, requireAccess(ctx), ctx.params.id, requireVersion(ctx), ctx.body),
  deleteCustomer: async (ctx) => {
    await deleteCustomer(ctx.services, requireAccess(ctx), ctx.params.id, ctx.expectedVersion);
    return null;
  },
} satisfies { [K in 'listCustomers' | 'createCustomer' | 'getCustomer' | 'updateCustomer' | 'deleteCustomer']: Handler<Routes[K]> };
