import type { Kysely } from 'kysely';
import { SimilarityIndex } from '../../../domain/discovery/similarity.js';
import type { Database } from '../../db/schema.js';

/**
 * One in-memory similarity index per workspace, over insights ("i:<id>") and features
 * ("f:<id>"). Built from the database on first use, then kept current by the services that
 * write insights and features. Each app server keeps its own; a server that did not see a
 * write catches up when the workspace's newest update is newer than its index.
 */
interface Entry {
  index: SimilarityIndex;
  newest: string;
}

export class SimilarityService {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<Entry>>();

  constructor(private readonly db: Kysely<Database>) {}

  upsert(workspaceId: string, insightId: string, text: string): void {
    this.entries.get(workspaceId)?.index.add(`i:${insightId}`, text);
  }

  upsertFeature(workspaceId: string, featureId: string, title: string, description: string): void {
    this.entries.get(workspaceId)?.index.add(`f:${featureId}`, `${title}\n${description}`);
  }

  remove(workspaceId: string, insightId: string): void {
    this.entries.get(workspaceId)?.index.remove(`i:${insightId}`);
  }

  removeFeature(workspaceId: string, featureId: string): void {
    this.entries.get(workspaceId)?.index.remove(`f:${featureId}`);
  }

  /** Drops a workspace's index (after bulk imports); the next lookup rebuilds it. */
  invalidate(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }

  async similar(workspaceId: string, insightId: string, text: string, limit: number) {
    const entry = await this.indexFor(workspaceId);
    const self = `i:${insightId}`;
    const query = entry.index.has(self) ? { id: self } : { text };
    return entry.index.similar(query, { limit, filter: (id) => id !== self });
  }

  private async newestUpdate(workspaceId: string): Promise<string> {
    const [i, f] = await Promise.all([
      this.db
        .selectFrom('insights')
        .select((eb) => eb.fn.max('updated_at').as('m'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst(),
      this.db
        .selectFrom('features')
        .select((eb) => eb.fn.max('updated_at').as('m'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst(),
    ]);
    return [i?.m ?? '', f?.m ?? ''].sort().at(-1) ?? '';
  }

  private async indexFor(workspaceId: string): Promise<Entry> {
    const newest = await this.newestUpdate(workspaceId);
    const current = this.entries.get(workspaceId);
    if (current && current.newest >= newest) return current;
    const pending = this.building.get(workspaceId);
    if (pending) return pending;
    const build = this.build(workspaceId, newest).finally(() => this.building.delete(workspaceId));
    this.building.set(workspaceId, build);
    return build;
  }

  private async build(workspaceId: string, newest: string): Promise<Entry> {
    const [insights, features] = await Promise.all([
      this.db
        .selectFrom('insights')
        .select(['id', 'text'])
        .where('workspace_id', '=', workspaceId)
        .where('status', '!=', 'archived')
        .execute(),
      this.db.selectFrom('features').select(['id', 'title', 'description']).where('workspace_id', '=', workspaceId).execute(),
    ]);
    const rows = [
      ...insights.map((r) => ({ id: `i:${r.id}`, text: r.text })),
      ...features.map((r) => ({ id: `f:${r.id}`, text: `${r.title}\n${r.description}` })),
    ];
    const entry = { index: SimilarityIndex.fromRows(rows), newest };
    this.entries.set(workspaceId, entry);
    return entry;
  }
}
