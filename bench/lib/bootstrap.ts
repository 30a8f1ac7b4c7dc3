import { Api, ApiError, sessionFrom } from './api.js';

/** The small part of every data set, created through the public API as a user would. */
export interface Tenant {
  api: Api;
  token: string;
  userId: string;
  workspace: { id: string; slug: string };
}

export const OWNER = { name: 'Bench Owner', email: 'owner@bench.example', password: 'bench password 1' };

/** Runs first-time set-up, creates an API token and a workspace; the returned client uses the token. */
export async function bootstrap(baseUrl: string, workspaceSlug = 'bench'): Promise<Tenant> {
  const anonymous = new Api(baseUrl);
  const setup = await anonymous.request<{ user: { id: string } }>('POST', '/api/v1/setup', OWNER);
  if (setup.status !== 201) throw new ApiError(setup.status, setup.text, 'POST /api/v1/setup');
  const signedIn = new Api(baseUrl, { session: sessionFrom(setup.headers) });
  const { token } = await signedIn.ok<{ token: string }>('POST', '/api/v1/auth/tokens', { name: 'bench' });
  const api = new Api(baseUrl, { token });
  const workspace = await createWorkspace(api, workspaceSlug);
  return { api, token, userId: setup.json.user.id, workspace };
}

export async function createWorkspace(api: Api, slug: string): Promise<{ id: string; slug: string }> {
  return api.ok<{ id: string; slug: string }>('POST', '/api/v1/workspaces', { name: `Workspace ${slug}`, slug });
}

/** Invites someone with a role and accepts as them; returns their API token. */
export async function addMember(owner: Api, workspace: string, email: string, role: string, name = email.split('@')[0] ?? 'Member') {
  const { inviteToken } = await owner.ok<{ inviteToken: string }>('POST', `/api/v1/workspaces/${workspace}/members`, { email, role });
  const anonymous = new Api(owner.baseUrl);
  const accepted = await anonymous.request('POST', `/api/v1/invitations/${inviteToken}/accept`, { name, password: 'member password 1' });
  if (accepted.status !== 200) throw new ApiError(accepted.status, accepted.text, 'POST /api/v1/invitations/:token/accept');
  const member = new Api(owner.baseUrl, { session: sessionFrom(accepted.headers) });
  const { token } = await member.ok<{ token: string }>('POST', '/api/v1/auth/tokens', { name: 'bench member' });
  return token;
}
