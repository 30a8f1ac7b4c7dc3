import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Dialect } from './db/connection.js';
import type { Database } from './db/schema.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { SimilarityService } from './modules/insights/similarity.js';

/** Long-lived things the handlers share: one per running app. */
export interface Services {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  loginThrottle: LoginThrottle;
  similarity: SimilarityService;
  /** Work started by a request that outlives it (CSV imports); awaited on shutdown and in tests. */
  backgroundJobs: Set<Promise<void>>;
  version: string;
}

export function createServices(db: Kysely<Database>, dialect: Dialect, config: Config, version: string): Services {
  return {
    db,
    dialect,
    config,
    loginThrottle: new LoginThrottle(),
    similarity: new SimilarityService(db),
    backgroundJobs: new Set(),
    version,
  };
}
