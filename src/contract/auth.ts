import { z } from 'zod';
import { Id, Name, Timestamp } from './common.js';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(8, 'Use at least 8 characters').max(256);

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  locale: z.string().nullable(),
  createdAt: Timestamp,
});

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
export const LoginResult = z.object({ user: User, csrfToken: z.string() });
export const Me = z.object({ user: User, csrfToken: z.string().nullable(), via: z.enum(['session', 'token']) });

export const TokenCreateBody = z.strictObject({ name: Name(80) });
export const TokenCreated = z.object({ id: Id, name: z.string(), token: z.string(), createdAt: Timestamp });
export const TokenSummary = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});

export const SetupStatus = z.object({ needed: z.boolean() });
export const SetupBody = z.strictObject({ name: Name(120), email: Email, password: Password });

export const ProfilePatch = z.strictObject({ name: Name(120).optional(), locale: z.enum(['en', 'fr']).nullable().optional() });
