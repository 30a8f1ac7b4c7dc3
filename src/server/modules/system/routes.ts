import { sql } from 'kysely';
import type { Routes } from '../../../contract/routes.js';
import { AppError } from '../../http/errors.js';
import type { Handler } from '../../http/handler.js';

/** A database that has not answered by then counts as down: a health check must not hang. */
const DATABASE_TIMEOUT_MS = 2_000;

export const systemHandlers = {
  /**
   * Whether Cairn can serve requests: it asks the database a trivial question. Down or too
   * slow → 503 problem+json (what went wrong goes to the log, not to this public answer).
   */
  health: async ({ services, request, reply }) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sql`select 1`.execute(services.db),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      request.log.error({ err: error }, 'health: database unavailable');
      reply.header('retry-after', '2');
      throw new AppError('unavailable', 'The database is not reachable; try again in a moment.');
    } finally {
      clearTimeout(timer);
    }
    return { status: 'ok' as const, database: services.dialect, version: services.version };
  },
} satisfies { health: Handler<Routes['health']> };
