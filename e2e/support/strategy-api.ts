import type { BrowserContext } from '@playwright/test';

/**
 * Arranges strategy data (objectives, key results, feature links) through the API. It uses
 * the browser context's session and CSRF cookie, so it works beside `Api` on the same context.
 */
export class StrategyApi {
  constructor(
    private readonly context: BrowserContext,
    private readonly baseURL: string,
  ) {}

  private async send<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
    const csrf = (await this.context.cookies(this.baseURL)).find((c) => c.name === 'cairn_csrf')?.value ?? '';
    const response = await this.context.request.fetch(`${this.baseURL}${path}`, {
      method,
      headers: { 'x-csrf-token': csrf, ...(data !== undefined && { 'content-type': 'application/json' }) },
      ...(data !== undefined && { data: JSON.stringify(data) }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${await response.text()}`);
    return (response.status() === 204 ? null : await response.json()) as T;
  }

  createObjective(
    workspace: string,
    body: {
      title: string;
      period: { kind: string; year?: number; number?: number; start?: string; end?: string };
      description?: string;
      parentId?: string | null;
      productId?: string | null;
      ownerId?: string | null;
      status?: string;
    },
  ) {
    return this.send<{ id: string; title: string; version: number }>('POST', `/api/v1/workspaces/${workspace}/objectives`, body);
  }

  createKeyResult(
    workspace: string,
    objectiveId: string,
    body: { title: string; baseline: number; target: number; current?: number | null; unit?: string; metric?: string; direction?: string },
  ) {
    return this.send<{ id: string; version: number }>(
      'POST',
      `/api/v1/workspaces/${workspace}/objectives/${objectiveId}/key-results`,
      body,
    );
  }

  linkFeature(workspace: string, featureId: string, objectiveId: string) {
    return this.send('POST', `/api/v1/workspaces/${workspace}/features/${featureId}/objectives`, { objectiveId });
  }

  me() {
    return this.send<{ user: { id: string } }>('GET', '/api/v1/auth/me');
  }
}
