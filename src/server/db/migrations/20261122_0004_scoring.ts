import { type Kysely, sql } from 'kysely';
import { nameKey } from '../../lib/text.js';
import type { Dialect } from '../connection.js';

/** The stored rank of a feature under each framework (higher first); null = not scored. */
export const SCORE_COLUMNS = {
  rice: 'score_rice',
  ice: 'score_ice',
  wsjf: 'score_wsjf',
  custom: 'score_custom',
  valueEffort: 'score_value_effort',
  moscow: 'score_moscow',
  kano: 'score_kano',
} as const;

/**
 * Scoring: the workspace's scoring rules, the frameworks each product uses, and on every
 * feature one stored score column per framework (kept equal to what scoreFeature computes)
 * so lists rank server-side through an index instead of scoring every feature per request.
 */
export function scoring(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('workspace_scoring')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .alterTable('products')
        .addColumn('scoring_frameworks', 'text', (c) => c.notNull().defaultTo('["rice"]'))
        .execute();

      // Ties rank by title (case- and accent-insensitive), the same on both databases: the
      // key is made by the app, and PostgreSQL compares it byte by byte like SQLite does.
      await db.schema
        .alterTable('features')
        .addColumn('title_key', dialect === 'postgres' ? sql`text collate "C"` : 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      for (const column of Object.values(SCORE_COLUMNS)) {
        await db.schema.alterTable('features').addColumn(column, 'double precision').execute();
      }
      const rows = await sql<{ id: string; title: string }>`select id, title from features`.execute(db);
      for (const r of rows.rows) await sql`update features set title_key = ${nameKey(r.title)} where id = ${r.id}`.execute(db);

      // Ranked lists read highest first with unscored features last (SQLite puts nulls last in
      // a descending order by itself; PostgreSQL has to be told), ties by title then id.
      const nullsLast = dialect === 'postgres' ? sql` nulls last` : sql``;
      for (const column of Object.values(SCORE_COLUMNS)) {
        await sql`create index ${sql.id(`features_${column}`)} on features (workspace_id, ${sql.id(column)} desc${nullsLast}, title_key, id)`.execute(
          db,
        );
      }
      await db.schema.createIndex('features_title').on('features').columns(['workspace_id', 'title_key', 'id']).execute();
      // Recomputing a workspace's stored scores walks its features by id, in batches.
      await db.schema.createIndex('features_workspace_id').on('features').columns(['workspace_id', 'id']).execute();
      await db.schema.createIndex('features_updated').on('features').columns(['workspace_id', 'updated_at', 'id']).execute();
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
