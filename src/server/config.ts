import net from 'node:net';
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
  CAIRN_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
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
  /**
   * Which proxies in front of Cairn to believe about the client (X-Forwarded-For/-Proto/-Host):
   * false for none, a number of proxy hops, or the proxies' addresses/CIDRs.
   */
  trustProxy: TrustProxy;
  /** Largest CSV file an import accepts. */
  importMaxBytes: number;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    /** One line per invalid variable, e.g. "PORT: Invalid input". */
    readonly issues: readonly string[] = [message],
  ) {
    super(message);
  }
}

export type TrustProxy = false | number | readonly string[];

const MAX_PROXY_HOPS = 10;
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * CAIRN_TRUST_PROXY: `false` (default), a number of proxies in front of Cairn, or a list of
 * their addresses. `true` means 1: only the nearest proxy is believed, because the left part
 * of X-Forwarded-For is whatever the client sent, and believing it would let anyone dodge the
 * sign-in throttle and the rate limit. Returns the problem as text when the value is invalid.
 */
export function parseTrustProxy(raw: string): TrustProxy | string {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= MAX_PROXY_HOPS ? hops : `at most ${MAX_PROXY_HOPS} proxy hops (got ${value})`;
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length === 0) return entries;
  return (
    `not a proxy address or range: ${bad.map((b) => JSON.stringify(b)).join(', ')}. ` +
    'Use false, true (= 1, the nearest proxy), a number of proxies in front of Cairn (1-10), or their ' +
    'addresses as a comma-separated list of IPs, CIDRs and loopback, linklocal, uniquelocal (e.g. loopback,10.0.0.0/8)'
  );
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * What Fastify gets as trustProxy. A hop count becomes a function: Fastify's own number
 * option trusts nothing at all; this one trusts the connecting peer and the hops after it,
 * so the client is the address the outermost of `hops` proxies saw.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${issues.map((i) => `  ${i}`).join('\n')}`, issues);
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
    trustProxy: e.CAIRN_TRUST_PROXY,
    importMaxBytes: Math.round(e.CAIRN_IMPORT_MAX_MB * 1024 * 1024),
  };
}
