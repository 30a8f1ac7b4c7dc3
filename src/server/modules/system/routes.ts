import type { Routes } from '../../../contract/routes.js';
import type { Handler } from '../../http/handler.js';

export const systemHandlers = {
  health: async ({ services }) => ({ status: 'ok' as const, database: services.dialect, version: services.version }),
} satisfies { health: Handler<Routes['health']> };
