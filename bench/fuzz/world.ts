import { randomBytes } from 'node:crypto';
import type { Pool } from './parts.js';
import type { Target, WireResponse } from './target.js';

/**
 * What the fuzzer starts from, created through the public API: a workspace the fuzzing user
 * owns (with a viewer, products, a pending invitation, a revoked token) and a second workspace
 * the fuzzing user does not belong to, full of unique marker strings that must never show up
 * in an answer to the fuzzing user.
 */
export interface Session {
  cookie: string;
  csrf: string;
}

export interface World {
  ownerToken: string;
  ownerSession: Session;
  viewerToken: string;
  revokedToken: string;
  workspace: { id: string; slug: string };
  other: { id: string; slug: string };
  /** Strings that exist only in the other workspace. */
  markers: string[];
  /** Identifiers of the other workspace and its rows: a request naming one in its path must fail. */
  otherIds: Set<string>;
  /** The fuzzing user's own token and membership: never offered to the fuzzer, so it cannot lock itself out. */
  protectedIds: Set<string>;
  /** Values worth trying, per parameter name, or per collection and name ('products/id'). */
  pools: Record<string, Pool>;
}

const PASSWORD = 'fuzz password 1';

class SetupClient {
  constructor(private readonly target: Target) {}

  async call<T>(
    method: string,
    url: string,
    body?: unknown,
    auth?: { token?: string; session?: Session },
  ): Promise<{ json: T; res: WireResponse }> {
    const headers: Record<string, string> = {};
    if (auth?.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth?.session) {
      headers.cookie = auth.session.cookie;
      headers['x-csrf-token'] = auth.session.csrf;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.target.send({
      method,
      url,
      headers,
      client: 'setup',
      ...(body !== undefined && { body: Buffer.from(JSON.stringify(body)) }),
    });
    if (res.status >= 300) throw new Error(`Fuzz set-up: ${method} ${url} answered ${res.status}: ${res.body.slice(0, 300)}`);
    return { json: (res.body ? JSON.parse(res.body) : null) as T, res };
  }

  /** Invites an email with a role and accepts as a new account; returns its session. */
  async join(workspace: string, email: string, role: string, name: string, inviter: { token: string }): Promise<Session> {
    const { json } = await this.call<{ inviteToken: string }>('POST', `/api/v1/workspaces/${workspace}/members`, { email, role }, inviter);
    const { res } = await this.call('POST', `/api/v1/invitations/${json.inviteToken}/accept`, { name, password: PASSWORD });
    return sessionOf(res);
  }

  async token(session: Session, name: string): Promise<{ id: string; token: string }> {
    return (await this.call<{ id: string; token: string }>('POST', '/api/v1/auth/tokens', { name }, { session })).json;
  }
}

function sessionOf(res: WireResponse): Session {
  const raw = res.headers['set-cookie'];
  const cookies = new Map(
    (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).map((c) => {
      const pair = c.split(';')[0] ?? '';
      return [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const;
    }),
  );
  const session = cookies.get('cairn_session');
  const csrf = cookies.get('cairn_csrf');
  if (!session || !csrf) throw new Error('Fuzz set-up: sign-in set no session cookies');
  return { cookie: `cairn_session=${session}`, csrf };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export async function buildWorld(target: Target): Promise<World> {
  const api = new SetupClient(target);
  const setup = await api.call<unknown>('POST', '/api/v1/setup', { name: 'Fuzz Owner', email: 'owner@fuzz.example', password: PASSWORD });
  const ownerSession = sessionOf(setup.res);
  const { id: ownerTokenId, token: ownerToken } = await api.token(ownerSession, 'fuzz');
  const revoked = await api.token(ownerSession, 'revoked');
  await api.call('DELETE', `/api/v1/auth/tokens/${revoked.id}`, undefined, { session: ownerSession });
  const owner = { token: ownerToken };

  const workspace = (await api.call<{ id: string; slug: string }>('POST', '/api/v1/workspaces', { name: 'Fuzz', slug: 'fuzz' }, owner))
    .json;
  const ws = `/api/v1/workspaces/${workspace.id}`;
  const products: string[] = [];
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta']) {
    products.push((await api.call<{ id: string }>('POST', `${ws}/products`, { name, vision: `Vision of ${name}` }, owner)).json.id);
  }
  await api.call('POST', `${ws}/products/${products[0]}/stage`, { stage: 'build' }, owner);
  const viewerToken = (await api.token(await api.join(workspace.id, 'viewer@fuzz.example', 'viewer', 'Vera Viewer', owner), 'viewer'))
    .token;
  const pending = await api.call<{ inviteToken: string }>(
    'POST',
    `${ws}/members`,
    { email: 'pending@fuzz.example', role: 'contributor' },
    owner,
  );

  // The other workspace belongs to someone else; only its owner's own workspace membership is shared.
  const markers = [1, 2, 3, 4].map(() => `mk${hex(8)}`);
  const stranger = {
    token: (await api.token(await api.join(workspace.id, 'stranger@fuzz.example', 'viewer', 'Sam Stranger', owner), 's')).token,
  };
  const other = (
    await api.call<{ id: string; slug: string }>(
      'POST',
      '/api/v1/workspaces',
      { name: `Secret ${markers[0]}`, slug: `other-${hex(4)}` },
      stranger,
    )
  ).json;
  const ows = `/api/v1/workspaces/${other.id}`;
  const otherProducts: string[] = [];
  for (const m of markers) {
    const body = { name: `Secret ${m}`, vision: `Plan ${m}`, segments: [{ name: `Segment ${m}`, description: `About ${m}` }] };
    otherProducts.push((await api.call<{ id: string }>('POST', `${ows}/products`, body, stranger)).json.id);
  }
  await api.call('POST', `${ows}/products/${otherProducts[0]}/stage`, { stage: 'build', note: `Note ${markers[1]}` }, stranger);
  await api.join(other.id, `${markers[2]}@secret.example`, 'contributor', `Person ${markers[3]}`, stranger);
  await api.call('POST', `${ows}/members`, { email: `${markers[1]}@secret.example`, role: 'viewer' }, stranger);

  // Strategy: a company goal with a product objective under it, a key result, a feature
  // serving it; the other workspace has its own (marked) objective and key result.
  const period = { kind: 'quarter', year: 2027, number: 1 };
  const goal = (
    await api.call<{ id: string }>('POST', `${ws}/objectives`, { title: 'Fuzz goal', period: { kind: 'year', year: 2027 } }, owner)
  ).json;
  const objective = (
    await api.call<{ id: string }>(
      'POST',
      `${ws}/objectives`,
      { title: 'Fuzz objective', period, parentId: goal.id, productId: products[1] },
      owner,
    )
  ).json;
  const keyResult = (
    await api.call<{ id: string }>(
      'POST',
      `${ws}/objectives/${objective.id}/key-results`,
      { title: 'Fuzz KR', baseline: 8, target: 5 },
      owner,
    )
  ).json;
  const feature = (await api.call<{ id: string }>('POST', `${ws}/features`, { title: 'Fuzz feature' }, owner)).json;
  await api.call('POST', `${ws}/features/${feature.id}/objectives`, { objectiveId: objective.id }, owner);
  const otherObjective = (
    await api.call<{ id: string }>(
      'POST',
      `${ows}/objectives`,
      { title: `Goal ${markers[0]}`, description: `Why ${markers[1]}`, period },
      stranger,
    )
  ).json;
  const otherKeyResult = (
    await api.call<{ id: string }>(
      'POST',
      `${ows}/objectives/${otherObjective.id}/key-results`,
      { title: `KR ${markers[2]}`, metric: `Metric ${markers[3]}`, baseline: 0, target: 1 },
      stranger,
    )
  ).json;

  const members = (await api.call<{ items: { id: string; email: string }[] }>('GET', `${ws}/members`, undefined, owner)).json.items;
  const otherMembers = (await api.call<{ items: { id: string }[] }>('GET', `${ows}/members`, undefined, stranger)).json.items;
  const page = (await api.call<{ nextCursor: string | null }>('GET', `${ws}/products?limit=1`, undefined, owner)).json;
  const ownerMembership = members.find((m) => m.email === 'owner@fuzz.example')!.id;
  const ownMemberIds = members.filter((m) => m.id !== ownerMembership).map((m) => m.id);
  const otherMemberIds = otherMembers.map((m) => m.id);
  const otherIds = [other.id, other.slug, ...otherProducts, ...otherMemberIds, otherObjective.id, otherKeyResult.id];
  return {
    ownerToken,
    ownerSession,
    viewerToken,
    revokedToken: revoked.token,
    workspace,
    other,
    markers,
    otherIds: new Set(otherIds),
    protectedIds: new Set([ownerTokenId, ownerMembership]),
    pools: {
      workspace: {
        good: [workspace.id, workspace.slug],
        bad: [other.id, other.slug, 'no-such-workspace', '00000000-0000-0000-0000-000000000000'],
      },
      'products/id': { good: products, bad: [...otherProducts, otherMemberIds[0]!, 'ffffffff-ffff-ffff-ffff-ffffffffffff'] },
      'members/id': { good: ownMemberIds, bad: [...otherMemberIds, products[0]!] },
      'objectives/id': { good: [goal.id, objective.id], bad: [otherObjective.id, keyResult.id] },
      'key-results/keyResultId': { good: [keyResult.id], bad: [otherKeyResult.id, objective.id] },
      'objectives/objectiveId': { good: [objective.id, goal.id], bad: [otherObjective.id] },
      'features/id': { good: [feature.id], bad: [otherObjective.id] },
      'tokens/id': { good: [revoked.id], bad: [other.id, products[0]!] },
      id: {
        good: [...products, ...ownMemberIds, revoked.id],
        bad: [...otherIds.slice(2), other.id, 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
      },
      token: { good: [pending.json.inviteToken], bad: [`${pending.json.inviteToken}x`, 'a'.repeat(43)] },
      cursor: {
        good: page.nextCursor ? [page.nextCursor] : [],
        bad: [
          Buffer.from('["zzz","x"]').toString('base64url'),
          Buffer.from('{"a":1}').toString('base64url'),
          Buffer.from('[1e999,"x"]').toString('base64url'),
        ],
      },
    },
  };
}

/** A logout by the fuzzer ends the owner's session; a fresh owner account takes its place. */
export async function renewOwnerSession(target: Target, world: World, n: number): Promise<void> {
  const api = new SetupClient(target);
  world.ownerSession = await api.join(world.workspace.id, `owner-${n}@fuzz.example`, 'owner', `Owner ${n}`, { token: world.ownerToken });
}

/**
 * After a successful delete or edit the fuzzer may have removed products or renamed the
 * workspace's slug: read them again (and top products back up) so later requests keep
 * reaching real rows.
 */
export async function refreshWorld(target: Target, world: World): Promise<void> {
  const api = new SetupClient(target);
  const owner = { token: world.ownerToken };
  const ws = `/api/v1/workspaces/${world.workspace.id}`;
  const { slug } = (await api.call<{ slug: string }>('GET', ws, undefined, owner)).json;
  world.workspace.slug = slug;
  world.pools.workspace!.good = [world.workspace.id, slug];
  let products = (await api.call<{ items: { id: string }[] }>('GET', `${ws}/products?limit=10`, undefined, owner)).json.items.map(
    (p) => p.id,
  );
  for (let n = products.length; n < 3; n += 1) {
    products = [...products, (await api.call<{ id: string }>('POST', `${ws}/products`, { name: `Refill ${n}` }, owner)).json.id];
  }
  world.pools['products/id']!.good = products;
  // Objectives too: keep a parent with a child that has a key result.
  const listed = (
    await api.call<{ items: { id: string; parentId: string | null }[] }>('GET', `${ws}/objectives?limit=50`, undefined, owner)
  ).json.items;
  let parent = listed.find((o) => o.parentId === null && listed.some((c) => c.parentId === o.id));
  let child = parent ? listed.find((c) => c.parentId === parent!.id) : undefined;
  if (!parent || !child) {
    const period = { kind: 'year', year: 2027 };
    parent = (await api.call<{ id: string; parentId: null }>('POST', `${ws}/objectives`, { title: 'Refill goal', period }, owner)).json;
    child = (
      await api.call<{ id: string; parentId: string }>(
        'POST',
        `${ws}/objectives`,
        { title: 'Refill objective', period, parentId: parent.id },
        owner,
      )
    ).json;
  }
  let keyResults = (await api.call<{ items: { id: string }[] }>('GET', `${ws}/objectives/${child.id}/key-results`, undefined, owner)).json
    .items;
  if (keyResults.length === 0) {
    keyResults = [
      (
        await api.call<{ id: string }>(
          'POST',
          `${ws}/objectives/${child.id}/key-results`,
          { title: 'Refill KR', baseline: 0, target: 3 },
          owner,
        )
      ).json,
    ];
  }
  world.pools['objectives/id']!.good = [parent.id, child.id];
  world.pools['objectives/objectiveId']!.good = [child.id, parent.id];
  world.pools['key-results/keyResultId']!.good = keyResults.map((k) => k.id);
}
