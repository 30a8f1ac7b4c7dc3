import type { z } from 'zod';
import type { Permission } from '../domain/roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One API operation, described once. The server registers it, the OpenAPI document is
 * generated from it, and the web client and CLI call it with typed inputs and outputs.
 */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** Fastify-style path: /api/v1/workspaces/:workspace/products/:id */
  path: string;
  summary: string;
  tag: string;
  /** 'public' needs no credentials; 'user' needs a session or token. */
  auth: 'public' | 'user';
  /** The workspace permission this operation needs; checked by the service too. */
  permission?: Permission;
  /** Whether a PATCH needs the version (If-Match or body). */
  versioned?: boolean;
  /**
   * A DELETE of a versioned resource: an If-Match, when sent, must name the current version
   * (a stale one gets 409), so deleting what someone else just changed is never silent.
   */
  checksVersion?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  status: 200 | 201 | 202 | 204;
  /** Request content type when not JSON (the body is then read by the handler). */
  consumes?: 'multipart/form-data';
  /** Response content type when not JSON. */
  produces?: 'text/csv';
  response: R;
}

export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  def: RouteDef<P, Q, B, R>,
): RouteDef<P, Q, B, R> {
  return def;
}

export type Input<T extends z.ZodType | undefined> = T extends z.ZodType ? z.input<T> : undefined;
export type Output<T extends z.ZodType | undefined> = T extends z.ZodType ? z.output<T> : undefined;

/** Builds a concrete URL from a route path and its params. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${path}`);
    return encodeURIComponent(value);
  });
}
