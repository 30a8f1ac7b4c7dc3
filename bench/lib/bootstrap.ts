import { Api, ApiError, sessionFrom } from './api.js';

/** The small part of every data set, created through the public API as a user would. */
export interface Tenant {
  api: Api;
  token: string;
  userId: string;
  workspace: { id: string; slug: string };
  /** The owner's browser session from set-up (cookie header and CSRF token). */
  session: { cookie: string; csrf: string };
}

const OWNER = { name: 'Bench Owner', email: 'owner@bench.example', password: 'bench password 1' };

/** Runs first-time set-up, creates an API token and a workspace; the returned client uses the token. */
export async function bootstrap(baseUrl: string, workspaceSlug = 'bench'): Promise<Tenant> {
  const anonymous = new Api(baseUrl);
  const setup = await anonymous.request<{ user: { id: string } }>('POST', '/api/v1/setup', OWNER);
  if (setup.status !== 201) throw new ApiError(setup.status, setup.text, 'POST /api/v1/setup');
  const session = sessionFrom(setup.headers);
  const signedIn = new Api(baseUrl, { session });
  const { token } = await signedIn.ok<{ token: string }>('POST', '/api/v1/auth/tokens', { name: 'bench' });
  const api = new Api(baseUrl, { token });
  const workspace = await createWorkspace(api, workspaceSlug);
  return { api, token, userId: setup.json.user.id, workspace, session };
}

export async function createWorkspace(api: Api, slug: string): Promise<{ id: string; slug: string }> {
  return api.ok<{ id: string; slug: string }>('POST', '/api/v1/workspaces', { name: `Workspace ${slug}`, slug });
}
