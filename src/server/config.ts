import path from 'node:path';
import { z } from 'zod';

/** Configuration from environment variables; defaults that just work on one machine. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CAIRN_DATA: z.string().min(1).default('./.cairn'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (leave it unset for SQLite)')
    .optional(),
  CAIRN_PUBLIC_URL: z.url().optional(),
  CAIRN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CAIRN_RATE_LIMIT: z.coerce.number().int().min(0).default(1200),
  CAIRN_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CAIRN_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CAIRN_IMPORT_MAX_MB: z.coerce.number().min(1).max(1024).default(32),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  /** Requests per minute per client; 0 turns the general limit off (login throttling stays). */
  rateLimit: number;
  sessionDays: number;
  trustProxy: boolean;
  /** Largest CSV file an import accepts. */
  importMaxBytes: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.CAIRN_DATA),
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.CAIRN_PUBLIC_URL,
    logLevel: e.CAIRN_LOG_LEVEL,
    rateLimit: e.CAIRN_RATE_LIMIT,
    sessionDays: e.CAIRN_SESSION_DAYS,
    trustProxy: e.CAIRN_TRUST_PROXY === 'true',
    importMaxBytes: Math.round(e.CAIRN_IMPORT_MAX_MB * 1024 * 1024),
  };
}
