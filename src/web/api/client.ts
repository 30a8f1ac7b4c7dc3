import type { z } from 'zod';
import { buildPath, type RouteDef } from '../../contract/route.js';

/** A route's zod schema slot, or undefined when the route declares none. */
type Declared<T> = z.ZodType extends T ? undefined : T extends z.ZodType ? T : undefined;
type In<T> = Declared<T> extends z.ZodType ? z.input<Declared<T>> : undefined;
type Out<T> = Declared<T> extends z.ZodType ? z.output<Declared<T>> : undefined;

// biome-ignore lint/suspicious/noExplicitAny: any route of the contract
export type AnyRoute = RouteDef<any, any, any, any>;

export type RouteParams<D> = D extends RouteDef<infer P, infer _Q, infer _B, infer _R> ? In<P> : never;
export type RouteQuery<D> = D extends RouteDef<infer _P, infer Q, infer _B, infer _R> ? In<Q> : never;
export type RouteBody<D> = D extends RouteDef<infer _P, infer _Q, infer B, infer _R> ? In<B> : never;
export type RouteResult<D> = D extends RouteDef<infer _P, infer _Q, infer _B, infer R> ? z.output<R> : never;
export type RouteOutBody<D> = D extends RouteDef<infer _P, infer _Q, infer B, infer _R> ? Out<B> : never;

export type CallOptions<D extends AnyRoute> = (RouteParams<D> extends undefined ? { params?: undefined } : { params: RouteParams<D> }) &
  (RouteBody<D> extends undefined ? { body?: undefined } : { body: RouteBody<D> }) & {
    query?: RouteQuery<D>;
    /** The version the user edited; sent as If-Match: "<version>". */
    ifMatch?: number;
    signal?: AbortSignal;
  };

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  current?: unknown;
  /** confirmation_required: what the change would do (each with a `kind`). */
  warnings?: Record<string, unknown>[];
}

/** An API failure: the problem+json fields, so screens can branch on `code`. */
export class ApiError extends Error implements ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly errors?: FieldError[];
  readonly current?: unknown;
  readonly warnings?: Record<string, unknown>[];

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    if (problem.detail !== undefined) this.detail = problem.detail;
    if (problem.errors !== undefined) this.errors = problem.errors;
    if (problem.current !== undefined) this.current = problem.current;
    if (Array.isArray(problem.warnings)) this.warnings = problem.warnings;
  }

  /** Field errors keyed by form field ("body.segments.0.name" → "segments.0.name"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors ?? []) {
      const key = e.path.replace(/^(body|query|params)\./, '');
      if (!(key in out)) out[key] = e.message;
    }
    return out;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export const CSRF_COOKIE = 'cairn_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(name: string, cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function toQueryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function asProblem(status: number, data: unknown): ProblemDetails {
  if (data && typeof data === 'object' && 'code' in data && typeof (data as { code: unknown }).code === 'string') {
    const p = data as Partial<ProblemDetails> & { code: string };
    return {
      type: p.type ?? 'about:blank',
      title: p.title ?? `HTTP ${status}`,
      status: p.status ?? status,
      code: p.code,
      ...(p.detail !== undefined && { detail: p.detail }),
      ...(p.errors !== undefined && { errors: p.errors }),
      ...('current' in p && { current: p.current }),
      ...(Array.isArray(p.warnings) && { warnings: p.warnings }),
    };
  }
  return { type: 'about:blank', title: `HTTP ${status}`, status, code: status >= 500 ? 'internal' : 'unknown' };
}

/**
 * Calls one operation of the contract: builds the URL from its path and params, adds the
 * query, the JSON body, the CSRF header on writes and If-Match when a version is given.
 * Resolves with the response body; rejects with an ApiError.
 */
export async function call<D extends AnyRoute>(def: D, options: CallOptions<D> = {} as CallOptions<D>): Promise<RouteResult<D>> {
  const url = buildPath(def.path, (options.params ?? {}) as Record<string, string>) + toQueryString(options.query);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(def.method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(url, {
      method: def.method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error', detail: (error as Error).message });
  }

  if (response.status === 204) return null as RouteResult<D>;
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) throw new ApiError(asProblem(response.status, data));
  return data as RouteResult<D>;
}
