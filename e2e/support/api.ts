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

  createCustomer(workspace: string, body: Record<string, unknown> & { name: string }) {
    return this.send<{ id: string; name: string }>('POST', `/api/v1/workspaces/${workspace}/customers`, body);
  }

  createInsight(workspace: string, body: Record<string, unknown> & { text: string; source: string }) {
    return this.send<{ id: string; version: number }>('POST', `/api/v1/workspaces/${workspace}/insights`, body);
  }

  createFeature(workspace: string, body: Record<string, unknown> & { title: string }) {
    return this.send<{ id: string; title: string }>('POST', `/api/v1/workspaces/${workspace}/features`, body);
  }

  updateFeature(workspace: string, id: string, version: number, patch: Record<string, unknown>) {
    return this.send<{ id: string; version: number; scores: Record<string, Record<string, unknown>> }>(
      'PATCH',
      `/api/v1/workspaces/${workspace}/features/${id}`,
      { ...patch, version },
    );
  }

  getScoring(workspace: string) {
    return this.send<{ version: number } & Record<string, unknown>>('GET', `/api/v1/workspaces/${workspace}/scoring`);
  }

  updateScoring(workspace: string, version: number, patch: Record<string, unknown>) {
    return this.send<{ version: number }>('PATCH', `/api/v1/workspaces/${workspace}/scoring`, { ...patch, version });
  }

  linkInsight(workspace: string, featureId: string, body: { insightId: string; highlight?: string; importance?: string }) {
    return this.send('POST', `/api/v1/workspaces/${workspace}/features/${featureId}/insights`, body);
  }

  evidence(workspace: string, featureId: string) {
    return this.send<{ insightCount: number; customerCount: number; revenue: { currency: string; monthly: number }[] }>(
      'GET',
      `/api/v1/workspaces/${workspace}/features/${featureId}/evidence`,
    );
  }

  /** Starts a CSV import (multipart, options first, file last) and waits for its end. */
  async importCsv(
    workspace: string,
    options: { kind: 'insights' | 'customers'; mapping: Record<string, string>; csv: string; fileName?: string; createCustomers?: boolean },
  ) {
    const response = await this.request.fetch(`${this.baseURL}/api/v1/workspaces/${workspace}/imports`, {
      method: 'POST',
      headers: { 'x-csrf-token': this.csrf },
      multipart: {
        kind: options.kind,
        mapping: JSON.stringify(options.mapping),
        onError: 'skip',
        createCustomers: String(options.createCustomers ?? true),
        file: { name: options.fileName ?? 'import.csv', mimeType: 'text/csv', buffer: Buffer.from(options.csv, 'utf8') },
      },
    });
    if (!response.ok()) throw new Error(`import → ${response.status()}: ${await response.text()}`);
    let job = (await response.json()) as { id: string; status: string };
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      job = await this.send<{ id: string; status: string }>('GET', `/api/v1/workspaces/${workspace}/imports/${job.id}`);
    }
    return job;
  }
}
