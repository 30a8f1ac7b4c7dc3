import type { APIRequestContext, BrowserContext } from '@playwright/test';

export const OWNER = { name: 'Olivia Owner', email: 'owner@cairn.test', password: 'correct horse battery' };

/** Unique enough for names and slugs of one test run. */
export function uid(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Arranges data through the API (fast, and not what the journey under test is about).
 * It shares the browser context's cookies, so the page is signed in too.
 */
export class Api {
  private csrf = '';

  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  static for(context: BrowserContext, baseURL: string): Api {
    return new Api(context.request, baseURL);
  }

  private async send<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
    const response = await this.request.fetch(`${this.baseURL}${path}`, {
      method,
      headers: { ...(this.csrf && { 'x-csrf-token': this.csrf }), ...(data !== undefined && { 'content-type': 'application/json' }) },
      ...(data !== undefined && { data: JSON.stringify(data) }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${await response.text()}`);
    return (response.status() === 204 ? null : await response.json()) as T;
  }

  /** Creates the first owner when the server is fresh; harmless otherwise. */
  async ensureSetup(user = OWNER): Promise<void> {
    const status = await this.send<{ needed: boolean }>('GET', '/api/v1/setup');
    if (status.needed) {
      const result = await this.send<{ csrfToken: string }>('POST', '/api/v1/setup', user);
      this.csrf = result.csrfToken;
    }
  }

  async login(user: { email: string; password: string } = OWNER): Promise<void> {
    const result = await this.send<{ csrfToken: string }>('POST', '/api/v1/auth/login', { email: user.email, password: user.password });
    this.csrf = result.csrfToken;
  }

  createWorkspace(name: string, slug: string) {
    return this.send<{ id: string; slug: string; name: string }>('POST', '/api/v1/workspaces', { name, slug });
  }

  createProduct(
    workspace: string,
    body: { name: string; vision?: string; stage?: string; segments?: { name: string; description: string }[] },
  ) {
    return this.send<{ id: string; name: string; version: number }>('POST', `/api/v1/workspaces/${workspace}/products`, body);
  }

  moveStage(workspace: string, id: string, stage: string, note?: string) {
    return this.send('POST', `/api/v1/workspaces/${workspace}/products/${id}/stage`, { stage, ...(note && { note }) });
  }

  updateProduct(workspace: string, id: string, version: number, patch: Record<string, unknown>) {
    return this.send<{ version: number }>('PATCH', `/api/v1/workspaces/${workspace}/products/${id}`, { ...patch, version });
  }

  invite(workspace: string, email: string, role: string) {
    return this.send<{ inviteUrl: string; inviteToken: string }>('POST', `/api/v1/workspaces/${workspace}/members`, { email, role });
  }
}
