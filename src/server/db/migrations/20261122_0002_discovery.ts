import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/** Customers, insights, features, evidence links, CSV import jobs, and the full-text search index. */
export function discovery(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('customers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('segment', 'text')
        .addColumn('plan', 'text')
        .addColumn('size', 'integer')
        .addColumn('revenue', 'double precision')
        .addColumn('currency', 'text')
        .addColumn('revenue_period', 'text', (c) => c.notNull().defaultTo('month'))
        .addColumn('external_id', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customers_workspace_name').on('customers').columns(['workspace_id', 'name_key', 'id']).execute();
      await db.schema.createIndex('customers_workspace_domain').on('customers').columns(['workspace_id', 'domain']).execute();
      await db.schema
        .createIndex('customers_workspace_external')
        .on('customers')
        .columns(['workspace_id', 'external_id'])
        .unique()
        .where(sql.ref('external_id'), 'is not', null)
        .execute();

      await db.schema
        .createTable('insights')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
        .addColumn('person_name', 'text')
        .addColumn('person_email', 'text')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('importance', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('merged_into_id', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The inbox reads newest first, usually filtered by status.
      await db.schema.createIndex('insights_inbox').on('insights').columns(['workspace_id', 'received_at', 'id']).execute();
      await db.schema.createIndex('insights_status').on('insights').columns(['workspace_id', 'status', 'received_at', 'id']).execute();
      await db.schema.createIndex('insights_customer').on('insights').columns(['customer_id']).execute();
      await db.schema.createIndex('insights_updated').on('insights').columns(['workspace_id', 'updated_at']).execute();
      await db.schema
        .createIndex('insights_workspace_external')
        .on('insights')
        .columns(['workspace_id', 'external_id'])
        .unique()
        .where(sql.ref('external_id'), 'is not', null)
        .execute();

      await db.schema
        .createTable('features')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('scores', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('features_workspace').on('features').columns(['workspace_id', 'created_at', 'id']).execute();

      await db.schema
        .createTable('feature_insights')
        .addColumn('feature_id', 'text', (c) => c.notNull().references('features.id').onDelete('cascade'))
        .addColumn('insight_id', 'text', (c) => c.notNull().references('insights.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('highlight', 'text')
        .addColumn('importance', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feature_insights_pk', ['feature_id', 'insight_id'])
        .execute();
      await db.schema.createIndex('feature_insights_insight').on('feature_insights').columns(['insight_id']).execute();

      await db.schema
        .createTable('imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('on_error', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('skipped_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('message', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('imports_workspace').on('imports').columns(['workspace_id', 'created_at']).execute();

      // One search index for every searchable thing, behind one repository (search/repo.ts):
      // search_docs holds the text (unique per entity), the engine indexes it.
      let docs = db.schema
        .createTable('search_docs')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull());
      if (dialect === 'sqlite') {
        // An explicit integer rowid links each row to its FTS5 entry.
        docs = docs.addColumn('rowid', 'integer', (c) => c.primaryKey().autoIncrement());
        await docs.execute();
        await db.schema.createIndex('search_docs_entity').on('search_docs').columns(['entity', 'entity_id']).unique().execute();
        await sql`create virtual table search_fts using fts5(
          title, body, content = 'search_docs', content_rowid = 'rowid',
          tokenize = 'unicode61 remove_diacritics 2'
        )`.execute(db);
        await sql`create trigger search_docs_ai after insert on search_docs begin
          insert into search_fts (rowid, title, body) values (new.rowid, new.title, new.body);
        end`.execute(db);
        await sql`create trigger search_docs_ad after delete on search_docs begin
          insert into search_fts (search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
        end`.execute(db);
        await sql`create trigger search_docs_au after update on search_docs begin
          insert into search_fts (search_fts, rowid, title, body) values ('delete', old.rowid, old.title, old.body);
          insert into search_fts (rowid, title, body) values (new.rowid, new.title, new.body);
        end`.execute(db);
      } else {
        await docs
          // Accent-folded copies (made by the app) so "creme" finds "crème" without the unaccent extension.
          .addColumn('folded_title', 'text', (c) => c.notNull())
          .addColumn('folded_body', 'text', (c) => c.notNull())
          .addColumn('document', sql`tsvector`, (c) =>
            c
              .generatedAlwaysAs(
                sql`setweight(to_tsvector('simple', folded_title), 'A') || setweight(to_tsvector('simple', folded_body), 'B')`,
              )
              .stored(),
          )
          .addPrimaryKeyConstraint('search_docs_pk', ['entity', 'entity_id'])
          .execute();
        await sql`create index search_docs_document on search_docs using gin (document)`.execute(db);
        await db.schema.createIndex('search_docs_workspace').on('search_docs').columns(['workspace_id', 'entity']).execute();
      }
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}
