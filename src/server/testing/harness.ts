import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { connect, type Db, type Dialect } from '../db/connection.js';
import { migrateTo, migrateToLatest } from '../db/migrate.js';
import { createDatabase, dropDatabase } from './postgres.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

let counter = 0;

/** A Cairn app on a fresh, migrated database of the given dialect. */
export async function startTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  /** Stop the migrations after this one (for testing a later one on data written before it). */
  migrateUpTo?: string,
): Promise<TestApp> {
  const config = { ...loadConfig({}), rateLimit: 0, ...overrides };
  let db: Db;
  let cleanup = async () => {};
  if (dialect === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    const name = `cairn_test_${process.pid}_${Date.now()}_${counter++}`;
    const url = await createDatabase(adminUrl, name);
    db = connect({ databaseUrl: url, dataDir: config.dataDir, poolSize: 5 });
    cleanup = () => dropDatabase(adminUrl, name);
  } else {
    db = connect({ dataDir: config.dataDir, sqliteFile: ':memory:' });
  }
  if (migrateUpTo) await migrateTo(db, migrateUpTo);
  else await migrateToLatest(db);
  const app = await buildApp({ db, config, webRoot: null, logger: false, validateResponses: true });
  return {
    app,
    db,
    dialect,
    async close() {
      await app.close();
      await db.close();
      await cleanup();
    },
  };
}

/** A signed-in API client: keeps the session cookie and sends the CSRF header on writes. */
export class Client {
  private cookie: string | null = null;
  private csrf: string | null = null;
  bearer: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    else if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && !this.bearer && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body !== undefined && { payload: body as InjectOptions['payload'] }),
    });
    const setCookie = res.cookies.find((c) => c.name === 'cairn_session');
    if (setCookie) this.cookie = setCookie.value ? `cairn_session=${setCookie.value}` : null;
    const csrf = res.cookies.find((c) => c.name === 'cairn_csrf');
    if (csrf) this.csrf = csrf.value || null;
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  async login(email: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return this;
  }
}

/** Creates the owner through set-up and returns a signed-in client. */
export async function setupOwner(app: FastifyInstance, email = 'owner@example.com', password = 'correct horse battery') {
  const client = new Client(app);
  const res = await client.post('/api/v1/setup', { name: 'Olivia Owner', email, password });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** Invites someone with a role and returns them signed in. */
export async function addMember(app: FastifyInstance, owner: Client, workspace: string, email: string, role: string) {
  const invite = await owner.post(`/api/v1/workspaces/${workspace}/members`, { email, role });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const member = new Client(app);
  const accept = await member.post(`/api/v1/invitations/${invite.json().inviteToken}/accept`, {
    name: email.split('@')[0],
    password: 'member password 1',
  });
  if (accept.statusCode !== 200) throw new Error(`accept failed: ${accept.statusCode} ${accept.body}`);
  return member;
}

/** A multipart/form-data body: option fields first, then the file. */
export function multipartForm(fields: Record<string, string>, file: { name: string; content: string | Buffer }) {
  const boundary = `----cairn${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
  );
  parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
