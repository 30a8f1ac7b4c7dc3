import type { Routes } from '../../../contract/routes.js';
import { type Handler, requireAccess, requireVersion } from '../../http/handler.js';
import { createProduct, deleteProduct, getProduct, listProducts, listStageHistory, moveStage, updateProduct } from './service.js';

export const productHandlers = {
  listProducts: async (ctx) => listProducts(ctx.services.db, requireAccess(ctx), ctx.query),
  createProduct: async (ctx) => createProduct(ctx.services, requireAccess(ctx), ctx.body),
  getProduct: async (ctx) => {
    const product = await getProduct(ctx.services.db, requireAccess(ctx), ctx.params.id);
    ctx.reply.header('etag', `"${product.version}"`);
    return product;
  },
  updateProduct: async (ctx) => {
    const product = await updateProduct(ctx.services, requireAccess(ctx), ctx.params.id, requireVersion(ctx), ctx.body);
    ctx.reply.header('etag', `"${product.version}"`);
    return product;
  },
  deleteProduct: async (ctx) => {
    await deleteProduct(ctx.services, requireAccess(ctx), ctx.params.id, ctx.expectedVersion);
    return null;
  },
  moveProductStage: async (ctx) => moveStage(ctx.services.db, requireAccess(ctx), ctx.params.id, ctx.body),
  listProductStages: async (ctx) => ({ items: await listStageHistory(ctx.services.db, requireAccess(ctx), ctx.params.id) }),
} satisfies {
  [K in
    | 'listProducts'
    | 'createProduct'
    | 'getProduct'
    | 'updateProduct'
    | 'deleteProduct'
    | 'moveProductStage'
    | 'listProductStages']: Handler<Routes[K]>;
};
