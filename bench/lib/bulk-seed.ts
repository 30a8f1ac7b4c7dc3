import type { Insertable } from 'kysely';
import { STAGES } from '../../src/domain/lifecycle.js';
import type { Db } from '../../src/server/db/connection.js';
import type { ChangeLogTable, ProductRow, ProductStagesTable } from '../../src/server/db/schema.js';
import { diff } from '../../src/server/events/change-log.js';
import { newId } from '../../src/server/lib/ids.js';
import { toProductDto } from '../../src/server/modules/products/service.js';

/**
 * Bulk seeding for large sizes: inserts products straight into the database through Kysely,
 * with the same three rows createProduct writes (the product, its first stage entry and a
 * 'created' change-log entry with the same diff), so the data looks as if it came through the
 * API. Going through the API for 100k products would take minutes and measure nothing useful.
 */

// Must match TRACKED in src/server/modules/products/service.ts (the fields a 'created' entry lists).
const TRACKED = ['name', 'vision', 'stage', 'segments', 'checklist', 'scoringFrameworks', 'archivedAt'] as const;
const BATCH = 500;

const WORDS = ['Atlas', 'Beacon', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen'];
const KINDS = ['Billing', 'Insights', 'Mobile', 'Portal', 'Checkout', 'Search', 'Onboarding', 'Analytics', 'Payments', 'Support'];
const SEGMENTS = ['Freelancers', 'Small agencies', 'Enterprise IT', 'Retail shops', 'Public sector', 'Students'];

/** A small deterministic generator, so two runs seed the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function productAt(index: number, workspaceId: string, actorId: string, now: string): ProductRow {
  const r = random(index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const segments = Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({
    name: pick(SEGMENTS),
    description: 'Teams who need a clear view of what ships next and why.',
  }));
  return {
    id: newId(),
    workspace_id: workspaceId,
    name: `${pick(WORDS)} ${pick(KINDS)} ${String(index).padStart(6, '0')}`,
    vision: `Help ${segments[0]!.name.toLowerCase()} ${pick(['plan', 'ship', 'measure', 'sell'])} with less effort and fewer surprises, from the first idea to the last release.`,
    stage: STAGES[index % STAGES.length]!,
    segments: JSON.stringify(segments),
    checklist: '{}',
    scoring_frameworks: '["rice"]',
    archived_at: null,
    created_by: actorId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** Inserts products until the workspace holds `target` of them; returns how many were added. */
export async function topUpProducts(db: Db, workspaceId: string, actorId: string, target: number): Promise<number> {
  const { count } = await db.kysely
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const have = Number(count);
  for (let start = have; start < target; start += BATCH) {
    const now = new Date().toISOString();
    const products = Array.from({ length: Math.min(BATCH, target - start) }, (_, k) => productAt(start + k, workspaceId, actorId, now));
    const stages: Insertable<ProductStagesTable>[] = products.map((p) => ({
      id: newId(),
      workspace_id: workspaceId,
      product_id: p.id,
      from_stage: null,
      to_stage: p.stage,
      note: null,
      open_gate_items: '[]',
      actor_id: actorId,
      at: now,
    }));
    const changes: Insertable<ChangeLogTable>[] = products.map((p) => ({
      workspace_id: workspaceId,
      entity: 'product',
      entity_id: p.id,
      action: 'created',
      actor_id: actorId,
      at: now,
      changes: JSON.stringify(diff(null, toProductDto(p), [...TRACKED])),
      note: null,
    }));
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('products').values(products).execute();
      await trx.insertInto('product_stages').values(stages).execute();
      await trx.insertInto('change_log').values(changes).execute();
    });
  }
  return Math.max(0, target - have);
}
