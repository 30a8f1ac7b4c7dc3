import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

/** Strategy: objectives (a tree through parent_id), their key results, and the features serving them. */
export function objectives(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('objectives')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        // The service refuses to delete a parent with children; were one deleted anyway, they become top-level goals.
        .addColumn('parent_id', 'text', (c) => c.references('objectives.id').onDelete('set null'))
        .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        // Lower-cased, accent-free title and description: the `q` filter behaves the same on both dialects.
        .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('period_kind', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The list reads oldest first; filters narrow by parent, product, status or period.
      await db.schema.createIndex('objectives_workspace').on('objectives').columns(['workspace_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('objectives_parent').on('objectives').columns(['workspace_id', 'parent_id']).execute();
      await db.schema.createIndex('objectives_product').on('objectives').columns(['workspace_id', 'product_id']).execute();
      await db.schema.createIndex('objectives_status').on('objectives').columns(['workspace_id', 'status']).execute();
      await db.schema.createIndex('objectives_period').on('objectives').columns(['workspace_id', 'period_end', 'period_start']).execute();
      await db.schema.createIndex('objectives_parent_ref').on('objectives').columns(['parent_id']).execute();

      await db.schema
        .createTable('key_results')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('baseline', 'double precision', (c) => c.notNull())
        .addColumn('target', 'double precision', (c) => c.notNull())
        .addColumn('current', 'double precision')
        .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('key_results_objective').on('key_results').columns(['objective_id', 'position', 'id']).execute();
      await db.schema.createIndex('key_results_workspace').on('key_results').columns(['workspace_id']).execute();

      await db.schema
        .createTable('feature_objectives')
        .addColumn('feature_id', 'text', (c) => c.notNull().references('features.id').onDelete('cascade'))
        .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feature_objectives_pk', ['feature_id', 'objective_id'])
        .execute();
      await db.schema
        .createIndex('feature_objectives_objective')
        .on('feature_objectives')
        .columns(['objective_id', 'created_at', 'feature_id'])
        .execute();
      await db.schema.createIndex('feature_objectives_workspace').on('feature_objectives').columns(['workspace_id']).execute();
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
