import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/**
 * Change-log sequence numbers that are safe to compare on PostgreSQL.
 *
 * A workspace's newest change-log `seq` tells whether anything changed since a cached answer
 * was built (http/response-cache.ts). On SQLite writers take turns, so `seq` grows in commit
 * order. On PostgreSQL a bigserial value is taken when the row is inserted, and transactions
 * commit in any order: one holding seq 10 can commit after another's 11 was seen, and a
 * cache stamped 11 would never learn about 10. So every insert first takes a shared advisory
 * lock for its workspace (writers never wait for each other) and only then takes its `seq`;
 * a reader that wants to cache takes the same lock exclusively, without waiting, and caches
 * only when it got it: no writer then holds a number it has not committed. The value the
 * column default drew is replaced (sequences may have gaps).
 */
export function performanceTuning(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`
        create function cairn_change_log_seq() returns trigger language plpgsql as $$
        begin
          perform pg_advisory_xact_lock_shared(${sql.lit(CHANGE_LOG_LOCK)}, hashtext(new.workspace_id));
          new.seq := nextval(pg_get_serial_sequence('change_log', 'seq'));
          return new;
        end
        $$`.execute(db);
      await sql`create trigger change_log_seq before insert on change_log for each row execute function cairn_change_log_seq()`.execute(db);
    },
    async down(): Promise<void> {
      throw new Error('Cairn migrations are forward-only; restore a backup to go back.');
    },
  };
}

/** First key of the advisory locks on a workspace's change log (the second is hashtext(workspace_id)). */
export const CHANGE_LOG_LOCK = 0x4361_6c67;
