import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../contract/route.js';
import { buildPath } from '../../contract/route.js';
import { type OperationId, routes } from '../../contract/routes.js';
import { can, ROLES, type Role } from '../../domain/roles.js';
import { addMember, Client, DIALECTS, multipartForm, setupOwner, startTestApp, type TestApp } from '../testing/harness.js';

/**
 * Walks every operation of the OpenAPI document and checks, for every role, that the answer
 * matches the permission table: no credentials → 401, a role without the permission → 403,
 * a non-member → 404, and a role with it → success on a valid request.
 */
interface Attempt {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type Fixture = (ws: string) => Promise<Attempt>;

describe.each(DIALECTS)('role × endpoint authorization on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ws: string;
  let outsider: Client;
  const clients = {} as Record<Role, Client>;
  let seq = 0;

  const freshProduct = async () => (await owner.post(`/api/v1/workspaces/${ws}/products`, { name: `P${seq++}` })).json() as { id: string };
  const created = async (path: string, body: unknown) => {
    const res = await owner.post(`/api/v1/workspaces/${ws}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`fixture ${path}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const freshCustomer = () => created('customers', { name: `C${seq++}` });
  const freshInsight = () => created('insights', { text: `Feedback ${seq++}`, source: 'support' });
  const freshFeature = () => created('features', { title: `F${seq++}` });
  const freshObjective = () => created('objectives', { title: `O${seq++}`, period: { kind: 'quarter', year: 2027, number: 1 } });
  const freshKeyResult = async () => {
    const objective = await freshObjective();
    const res = await owner.post(`/api/v1/workspaces/${ws}/objectives/${objective.id}/key-results`, {
      title: 'KR',
      baseline: 0,
      target: 10,
    });
    return { objective, keyResult: res.json() as { id: string } };
  };
  const csvUpload = () =>
    multipartForm({ kind: 'insights', mapping: JSON.stringify({ text: 'text' }) }, { name: 'a.csv', content: 'text\nhello\n' });
  const freshInvite = async () =>
    (await owner.post(`/api/v1/workspaces/${ws}/members`, { email: `x${seq++}@example.com`, role: 'viewer' })).json() as { id: string };

  const fixtures: Partial<Record<OperationId, Fixture>> = {
    getWorkspace: async () => ({}),
    updateWorkspace: async () => {
      const current = (await owner.get(`/api/v1/workspaces/${ws}`)).json();
      return { body: { name: `Authz ${seq++}` }, headers: { 'if-match': String(current.version) } };
    },
    listMembers: async () => ({}),
    inviteMember: async () => ({ body: { email: `new${seq++}@example.com`, role: 'viewer' } }),
    updateMember: async () => ({ params: { id: (await freshInvite()).id }, body: { role: 'contributor' } }),
    removeMember: async () => ({ params: { id: (await freshInvite()).id } }),
    listProducts: async () => ({}),
    createProduct: async () => ({ body: { name: `Created ${seq++}` } }),
    getProduct: async () => ({ params: { id: (await freshProduct()).id } }),
    updateProduct: async () => ({ params: { id: (await freshProduct()).id }, body: { name: 'Edited', version: 1 } }),
    deleteProduct: async () => ({ params: { id: (await freshProduct()).id } }),
    moveProductStage: async () => ({ params: { id: (await freshProduct()).id }, body: { stage: 'build', note: 'go' } }),
    listProductStages: async () => ({ params: { id: (await freshProduct()).id } }),
    listActivity: async () => ({}),
    listCustomers: async () => ({}),
    createCustomer: async () => ({ body: { name: `New ${seq++}` } }),
    getCustomer: async () => ({ params: { id: (await freshCustomer()).id } }),
    updateCustomer: async () => ({ params: { id: (await freshCustomer()).id }, body: { segment: 'SMB', version: 1 } }),
    deleteCustomer: async () => ({ params: { id: (await freshCustomer()).id } }),
    listInsights: async () => ({ query: 'status=new' }),
    countInsights: async () => ({ query: 'status=new,triaged&q=feedback' }),
    createInsight: async () => ({ body: { text: 'Heard on a call', source: 'sales' } }),
    getInsight: async () => ({ params: { id: (await freshInsight()).id } }),
    updateInsight: async () => ({ params: { id: (await freshInsight()).id }, body: { status: 'triaged', version: 1 } }),
    deleteInsight: async () => ({ params: { id: (await freshInsight()).id } }),
    bulkUpdateInsights: async () => ({ body: { ids: [(await freshInsight()).id], action: 'add_tags', tags: ['x'] } }),
    similarInsights: async () => ({ params: { id: (await freshInsight()).id } }),
    mergeInsight: async () => ({ params: { id: (await freshInsight()).id }, body: { duplicateId: (await freshInsight()).id } }),
    unmergeInsight: async () => {
      const kept = await freshInsight();
      const duplicate = await freshInsight();
      await owner.post(`/api/v1/workspaces/${ws}/insights/${kept.id}/merge`, { duplicateId: duplicate.id });
      return { params: { id: duplicate.id } };
    },
    exportInsights: async () => ({}),
    listFeatures: async () => ({}),
    createFeature: async () => ({ body: { title: `Idea ${seq++}` } }),
    getFeature: async () => ({ params: { id: (await freshFeature()).id } }),
    updateFeature: async () => ({ params: { id: (await freshFeature()).id }, body: { status: 'discovery', version: 1 } }),
    deleteFeature: async () => ({ params: { id: (await freshFeature()).id } }),
    linkInsight: async () => ({ params: { id: (await freshFeature()).id }, body: { insightId: (await freshInsight()).id } }),
    unlinkInsight: async () => {
      const feature = await freshFeature();
      const insight = await freshInsight();
      await owner.post(`/api/v1/workspaces/${ws}/features/${feature.id}/insights`, { insightId: insight.id });
      return { params: { id: feature.id, insightId: insight.id } };
    },
    featureEvidence: async () => ({ params: { id: (await freshFeature()).id } }),
    featureScoreExplanation: async () => ({ params: { id: (await freshFeature()).id }, query: 'framework=ice' }),
    featureMoscowSummary: async () => ({ query: 'status=idea,planned' }),
    getScoring: async () => ({}),
    updateScoring: async () => {
      const current = (await owner.get(`/api/v1/workspaces/${ws}/scoring`)).json();
      return { body: { version: current.version, iceVariant: current.iceVariant === 'product' ? 'average' : 'product' } };
    },
    search: async () => ({ query: 'q=feedback' }),
    listImports: async () => ({}),
    createImport: async () => {
      const f = csvUpload();
      return { body: f.body, headers: f.headers };
    },
    getImport: async () => {
      const f = csvUpload();
      const res = await owner.request('POST', `/api/v1/workspaces/${ws}/imports`, f.body, f.headers);
      return { params: { id: res.json().id } };
    },
    listObjectives: async () => ({ query: 'parentId=root&activeOn=2027-02-01&status=active' }),
    createObjective: async () => ({ body: { title: `Goal ${seq++}`, period: { kind: 'half', year: 2027, number: 1 } } }),
    getObjective: async () => ({ params: { id: (await freshObjective()).id } }),
    updateObjective: async () => ({ params: { id: (await freshObjective()).id }, body: { status: 'achieved', version: 1 } }),
    deleteObjective: async () => ({ params: { id: (await freshObjective()).id } }),
    listObjectiveFeatures: async () => ({ params: { id: (await freshObjective()).id } }),
    listKeyResults: async () => ({ params: { id: (await freshKeyResult()).objective.id } }),
    createKeyResult: async () => ({
      params: { id: (await freshObjective()).id },
      body: { title: 'Churn', baseline: 8, target: 5, unit: '%' },
    }),
    updateKeyResult: async () => {
      const { objective, keyResult } = await freshKeyResult();
      return { params: { id: objective.id, keyResultId: keyResult.id }, body: { current: 4, version: 1 } };
    },
    deleteKeyResult: async () => {
      const { objective, keyResult } = await freshKeyResult();
      return { params: { id: objective.id, keyResultId: keyResult.id } };
    },
    listFeatureObjectives: async () => ({ params: { id: (await freshFeature()).id } }),
    linkFeatureObjective: async () => ({ params: { id: (await freshFeature()).id }, body: { objectiveId: (await freshObjective()).id } }),
    unlinkFeatureObjective: async () => {
      const feature = await freshFeature();
      const objective = await freshObjective();
      await owner.post(`/api/v1/workspaces/${ws}/features/${feature.id}/objectives`, { objectiveId: objective.id });
      return { params: { id: feature.id, objectiveId: objective.id } };
    },
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await setupOwner(t.app);
    ws = (await owner.post('/api/v1/workspaces', { name: 'Authz' })).json().slug;
    clients.owner = owner;
    for (const role of ROLES.filter((r) => r !== 'owner')) clients[role] = await addMember(t.app, owner, ws, `${role}@example.com`, role);
    const elsewhere = (await owner.post('/api/v1/workspaces', { name: 'Elsewhere' })).json().slug;
    outsider = await addMember(t.app, owner, elsewhere, 'outsider@example.com', 'owner');
  });
  afterAll(async () => {
    await Promise.all([...t.app.services.backgroundJobs]);
    await t.close();
  });

  async function send(client: Client, def: RouteDef, attempt: Attempt) {
    const url = buildPath(def.path, { workspace: ws, ...attempt.params }) + (attempt.query ? `?${attempt.query}` : '');
    return client.request(def.method, url, attempt.body, attempt.headers ?? {});
  }

  it('covers every operation of the OpenAPI document', async () => {
    const doc = (await owner.get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(documented.sort()).toEqual(Object.keys(routes).sort());
  });

  it('answers 401 to every operation that needs credentials when none are given', async () => {
    const doc = (await owner.get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { operationId: OperationId }>> };
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        const def = routes[op.operationId] as RouteDef;
        if (def.auth !== 'user') continue;
        const params = {
          workspace: ws,
          id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
          insightId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
          keyResultId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
          objectiveId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
          token: 'x'.repeat(20),
        };
        const res = await new Client(t.app).request(def.method, buildPath(def.path, params), def.body ? {} : undefined);
        expect(res.statusCode, op.operationId).toBe(401);
        expect(res.headers['content-type'], op.operationId).toMatch(/^application\/problem\+json/);
      }
    }
  });

  const workspaceOps = (Object.entries(routes) as [OperationId, RouteDef][]).filter(([, def]) => def.path.includes(':workspace'));

  it('has a fixture for every workspace operation', () => {
    expect(workspaceOps.map(([id]) => id).filter((id) => !fixtures[id])).toEqual([]);
  });

  for (const role of ROLES) {
    it(`applies the permission table to the ${role} role`, async () => {
      for (const [operationId, def] of workspaceOps) {
        const attempt = await fixtures[operationId]!(ws);
        const res = await send(clients[role], def, attempt);
        const allowed = def.permission === undefined || can(role, def.permission);
        if (allowed) expect(res.statusCode, `${role} ${operationId}: ${res.body}`).toBeLessThan(300);
        else {
          expect(res.statusCode, `${role} ${operationId}`).toBe(403);
          expect(res.json().code).toBe('forbidden');
        }
      }
    });
  }

  it('answers 404 to a non-member on every workspace operation, whatever the role elsewhere', async () => {
    for (const [operationId, def] of workspaceOps) {
      const attempt = await fixtures[operationId]!(ws);
      const res = await send(outsider, def, attempt);
      expect(res.statusCode, operationId).toBe(404);
      expect(res.body).not.toContain('Authz');
    }
  });
});
