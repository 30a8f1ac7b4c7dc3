import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/connection.js';
import { prepared } from '../../db/prepared.js';
import type { Database, UserRow } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../lib/ids.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface Auth {
  user: UserRow;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export const TOKEN_PREFIX = 'cairn_';
const TOUCH_EVERY_MS = 60_000;

export function toUserDto(user: UserRow) {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, createdAt: user.created_at };
}

export async function isSetupNeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function createUser(db: Kysely<Database>, input: { email: string; name: string; password: string }): Promise<UserRow> {
  return insertUser(db, input, await hashPassword(input.password));
}

async function insertUser(db: Kysely<Database>, input: { email: string; name: string }, passwordHash: string): Promise<UserRow> {
  const now = nowIso();
  const user: UserRow = {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    password_hash: passwordHash,
    locale: null,
    created_at: now,
    updated_at: now,
  };
  const existing = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
  if (existing) throw new AppError('email_taken');
  await db.insertInto('users').values(user).execute();
  return user;
}

/**
 * Creates the very first account; refused once any account exists. The password is hashed
 * first (it is slow), then "no account yet" is checked and the account inserted in one
 * transaction that excludes every other set-up: SQLite runs one write transaction at a time,
 * PostgreSQL takes a transaction-scoped advisory lock. So concurrent set-ups create one owner.
 */
export async function runSetup(
  db: Kysely<Database>,
  dialect: Dialect,
  input: { email: string; name: string; password: string },
): Promise<UserRow> {
  // Refused without spending a hash when set-up is long done.
  if (!(await isSetupNeeded(db))) throw new AppError('setup_done');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('cairn.setup'))`.execute(trx);
    if (!(await isSetupNeeded(trx))) throw new AppError('setup_done');
    return insertUser(trx, input, passwordHash);
  });
}

export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<UserRow | null> {
  const user = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  return ok && user ? user : null;
}

export async function createSession(db: Kysely<Database>, userId: string, days: number): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db
    .insertInto('sessions')
    .values({
      id: newId(),
      user_id: userId,
      token_hash: hashSecret(token),
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

// Every request runs one of these two: built once (see db/prepared.ts).
const sessionByHash = prepared<{ hash: string }, SessionLookup>((db, p) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', p('hash')),
);
const tokenByHash = prepared<{ hash: string }, TokenLookup>((db, p) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
    .where('api_tokens.token_hash', '=', p('hash')),
);
type SessionLookup = UserRow & { session_id: string; csrf_token: string; expires_at: string; last_seen_at: string };
type TokenLookup = UserRow & { token_id: string; last_used_at: string | null; revoked_at: string | null };

export async function resolveSession(db: Kysely<Database>, token: string): Promise<Auth | null> {
  const row = await sessionByHash.first(db, { hash: hashSecret(token) });
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now) return null;
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', row.session_id)
      .execute();
  }
  const { session_id, csrf_token, expires_at: _e, last_seen_at: _l, ...user } = row;
  return { user, via: 'session', sessionId: session_id, csrfToken: csrf_token };
}

export async function resolveApiToken(db: Kysely<Database>, token: string): Promise<Auth | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await tokenByHash.first(db, { hash: hashSecret(token) });
  if (!row || row.revoked_at !== null) return null;
  const now = Date.now();
  if (row.last_used_at === null || now - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', row.token_id)
      .execute();
  }
  const { token_id: _t, last_used_at: _u, revoked_at: _r, ...user } = row;
  return { user, via: 'token', sessionId: null, csrfToken: null };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function createApiToken(db: Kysely<Database>, userId: string, name: string) {
  const token = newSecret(TOKEN_PREFIX);
  const row = {
    id: newId(),
    user_id: userId,
    name: name.trim(),
    token_hash: hashSecret(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { id: row.id, name: row.name, token, createdAt: row.created_at };
}

export async function listApiTokens(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function revokeApiToken(db: Kysely<Database>, userId: string, tokenId: string): Promise<void> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('This token');
}

export async function updateProfile(
  db: Kysely<Database>,
  user: UserRow,
  patch: { name?: string | undefined; locale?: string | null | undefined },
) {
  const next = {
    ...user,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.locale !== undefined && { locale: patch.locale }),
    updated_at: nowIso(),
  };
  await db
    .updateTable('users')
    .set({ name: next.name, locale: next.locale, updated_at: next.updated_at })
    .where('id', '=', user.id)
    .execute();
  return next;
}
