import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db, Dialect } from './connection.js';
import { foundation } from './migrations/20261122_0001_foundation.js';
import { discovery } from './migrations/20261122_0002_discovery.js';
import { objectives } from './migrations/20261122_0003_objectives.js';
import { scoring } from './migrations/20261122_0004_scoring.js';
import { performanceTuning } from './migrations/20261122_0005_performance.js';
import { importReports } from './migrations/20261202_0006_imports.js';
import { searchWords } from './migrations/20261202_0007_search_words.js';
import { reachWindow } from './migrations/20261203_0008_reach_window.js';
import { customerLists } from './migrations/20261203_0009_customer_lists.js';
import { insightTextIndexedOnce } from './migrations/20261203_0010_insight_text_indexed_once.js';
import { searchNewestFirst } from './migrations/20261204_0011_search_newest_first.js';

/** Migrations in order; names are timestamps and never change once released. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '20261122_0001_foundation': foundation(dialect),
    '20261122_0002_discovery': discovery(dialect),
    '20261122_0003_objectives': objectives(dialect),
    '20261122_0004_scoring': scoring(dialect),
    '20261122_0005_performance': performanceTuning(dialect),
    '20261202_0006_imports': importReports(dialect),
    '20261202_0007_search_words': searchWords(dialect),
    '20261203_0008_reach_window': reachWindow(dialect),
    '20261203_0009_customer_lists': customerLists(dialect),
    '20261203_0010_insight_text_indexed_once': insightTextIndexedOnce(dialect),
    '20261204_0011_search_newest_first': searchNewestFirst(dialect),
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations() {
    return migrations(this.dialect);
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider(db.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Applies the migrations up to and including `name` (tests of a migration on older data). */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider(db.dialect) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
