import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, DIALECTS, setupOwner, startTestApp, type TestApp } from '../../testing/harness.js';

/** A workspace always keeps an owner, also when two owners change each other's role at the same moment. */
describe.each(DIALECTS)('the last owner under concurrent changes on %s', (dialect) => {
  let t: TestApp;
  let olivia: Client;
  let round = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    olivia = await setupOwner(t.app);
  });
  afterAll(() => t.close());

  /** A workspace with two owners: Olivia and a second one. */
  async function twoOwners() {
    const ws = (await olivia.post('/api/v1/workspaces', { name: `Owners ${round}` })).json();
    const peter = await addMember(t.app, olivia, ws.slug, `peter${round++}@example.com`, 'owner');
    const members = (await olivia.get(`/api/v1/workspaces/${ws.slug}/members`)).json().items as { id: string; email: string }[];
    const idOf = (email: string) => members.find((m) => m.email === email)!.id;
    return { ws, peter, oliviaId: idOf('owner@example.com'), peterId: idOf(`peter${round - 1}@example.com`) };
  }

  async function activeOwners(workspaceId: string) {
    const rows = await t.db.kysely
      .selectFrom('memberships')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .where('status', '=', 'active')
      .execute();
    return rows.length;
  }

  it('keeps an owner when two owners demote each other at once', async () => {
    for (let i = 0; i < 8; i++) {
      const { ws, peter, oliviaId, peterId } = await twoOwners();
      const results = await Promise.all([
        olivia.patch(`/api/v1/workspaces/${ws.slug}/members/${peterId}`, { role: 'viewer' }),
        peter.patch(`/api/v1/workspaces/${ws.slug}/members/${oliviaId}`, { role: 'viewer' }),
      ]);
      const statuses = results.map((r) => r.statusCode);
      expect(
        statuses.filter((s) => s === 200),
        `${statuses}`,
      ).toHaveLength(1);
      const refused = results.find((r) => r.statusCode !== 200)!;
      expect(['last_owner', 'forbidden']).toContain(refused.json().code);
      expect(await activeOwners(ws.id)).toBe(1);
    }
  });

  it('keeps an owner when both owners step down at once', async () => {
    for (let i = 0; i < 8; i++) {
      const { ws, peter, oliviaId, peterId } = await twoOwners();
      const results = await Promise.all([
        olivia.patch(`/api/v1/workspaces/${ws.slug}/members/${oliviaId}`, { role: 'product_manager' }),
        peter.patch(`/api/v1/workspaces/${ws.slug}/members/${peterId}`, { role: 'product_manager' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
      expect(await activeOwners(ws.id)).toBe(1);
    }
  });

  it('keeps an owner when two owners remove each other at once', async () => {
    for (let i = 0; i < 8; i++) {
      const { ws, peter, oliviaId, peterId } = await twoOwners();
      const results = await Promise.all([
        olivia.delete(`/api/v1/workspaces/${ws.slug}/members/${peterId}`),
        peter.delete(`/api/v1/workspaces/${ws.slug}/members/${oliviaId}`),
      ]);
      const statuses = results.map((r) => r.statusCode);
      expect(
        statuses.filter((s) => s === 204),
        `${statuses}`,
      ).toHaveLength(1);
      expect(await activeOwners(ws.id)).toBe(1);
    }
  });
});
