/** A small HTTP client for the Cairn API over loopback, authenticated with a Bearer token or a session. */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export interface Credentials {
  token?: string;
  /** Cookie header value and CSRF token of a signed-in session. */
  session?: { cookie: string; csrf: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

export class Api {
  constructor(
    readonly baseUrl: string,
    public credentials: Credentials = {},
    private readonly timeoutMs = 30_000,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.credentials.token) h.authorization = `Bearer ${this.credentials.token}`;
    else if (this.credentials.session) {
      h.cookie = this.credentials.session.cookie;
      if (method !== 'GET') h['x-csrf-token'] = this.credentials.session.csrf;
    }
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    if (text !== '' && /json/.test(res.headers.get('content-type') ?? '')) json = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, json: json as T };
  }

  /** Like request, but throws unless the answer is 2xx. */
  async ok<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const res = await this.request<T>(method, path, body, headers);
    if (res.status < 200 || res.status > 299) throw new ApiError(res.status, res.text, `${method} ${path}`);
    return res.json;
  }
}

/** The session and CSRF cookies a sign-in sets, as a Cookie header and the CSRF value. */
export function sessionFrom(headers: Headers): { cookie: string; csrf: string } {
  const cookies = new Map(
    headers.getSetCookie().map((c) => {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)] as const;
    }),
  );
  const session = cookies.get('cairn_session');
  const csrf = cookies.get('cairn_csrf');
  if (!session || !csrf) throw new Error('Sign-in did not set the cairn_session and cairn_csrf cookies');
  return { cookie: `cairn_session=${session}`, csrf };
}
