import type { HttpCase } from '../http/types.js';

const ws = (slug: string) => `/api/v1/workspaces/${slug}`;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Strategy: the OKR screens (objectives running today with their progress, one objective's
 * key results) and a key-result check-in, the write people make every week. Seeded by
 * bench/lib/objective-seed.ts: one objective per ten items of the collection size.
 */
export const strategyCases: HttpCase[] = [
  {
    name: 'objectives: active today, page of 50',
    method: 'GET',
    path: (ctx) => `${ws(ctx.workspace)}/objectives?activeOn=${today()}&status=active&limit=50`,
    target: { p99Ms: 20 },
  },
  {
    name: 'objectives: key results of one',
    method: 'GET',
    path: (ctx, i) => `${ws(ctx.workspace)}/objectives/${ctx.objectiveIds[i % ctx.objectiveIds.length]}/key-results`,
    target: { p99Ms: 20 },
  },
  {
    // Each request moves a different key result at its current version, so none conflicts.
    name: 'key results: PATCH current (check-in)',
    method: 'PATCH',
    path: (ctx, i) => {
      const kr = ctx.keyResults[i % ctx.keyResults.length]!;
      return `${ws(ctx.workspace)}/objectives/${kr.objectiveId}/key-results/${kr.id}`;
    },
    headers: (ctx, i) => ({ 'if-match': `"${ctx.versions[ctx.keyResults[i % ctx.keyResults.length]!.id] ?? 1}"` }),
    body: (_ctx, i) => ({ current: 10 + (i % 90) }),
    onResponse: (ctx, _i, status, body) => {
      const kr = status === 200 ? JSON.parse(body) : status === 409 ? JSON.parse(body).current : null;
      if (kr) ctx.versions[(kr as { id: string }).id] = (kr as { version: number }).version;
    },
    target: { p99Ms: 20, dialect: 'sqlite' },
  },
];
