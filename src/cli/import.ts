import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { Email } from '../contract/auth.js';
import { loadConfig } from '../server/config.js';
import { AppError } from '../server/http/errors.js';
import { readCsvHeader } from '../server/modules/imports/csv-file.js';
import { FIELDS, type ImportKind } from '../server/modules/imports/fields.js';
import { createImportJob } from '../server/modules/imports/service.js';
import { resolveAccess } from '../server/modules/workspaces/service.js';
import { createServices } from '../server/services.js';
import { APP_VERSION } from '../server/version.js';
import { withDb } from './admin.js';
import { CliError } from './errors.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Columns named like a field map to it on their own; --map column=field adds or overrides. */
export function buildMapping(header: string[], kind: ImportKind, maps: string[]): Record<string, string> {
  const fields = FIELDS[kind] as readonly string[];
  const mapping: Record<string, string> = {};
  for (const column of header) {
    const field = fields.find((f) => f.toLowerCase() === column.trim().toLowerCase());
    if (field) mapping[column] = field;
  }
  for (const m of maps) {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new CliError(`--map expects column=field, got "${m}"`);
    const column = m.slice(0, at);
    const field = m.slice(at + 1);
    if (!header.includes(column)) throw new CliError(`--map: no column "${column}" in the file (columns: ${header.join(', ')})`);
    if (!fields.includes(field)) throw new CliError(`--map: unknown field "${field}" (fields: ${fields.join(', ')})`);
    for (const [c, f] of Object.entries(mapping)) if (f === field) delete mapping[c];
    mapping[column] = field;
  }
  return mapping;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import insights or customers from a CSV file, with a progress bar and a line-numbered report')
    .argument('<kind>', 'insights or customers')
    .argument('<file>', 'CSV file (UTF-8 or Windows-1252; comma, semicolon or tab separated)')
    .requiredOption('-w, --workspace <slug>', 'workspace slug or id')
    .option('-m, --map <column=field>', 'map a CSV column to a field (repeatable)', collect, [])
    .option('--as <email>', 'account the import is recorded under (default: the workspace owner)')
    .option('--stop-on-error', 'write nothing if any row has a problem (default: skip bad rows and report them)')
    .option('--create-customers', 'create customers named in the file that do not exist yet')
    .action(
      async (
        kind: string,
        file: string,
        opts: { workspace: string; map: string[]; as?: string; stopOnError?: boolean; createCustomers?: boolean },
      ) => {
        if (kind !== 'insights' && kind !== 'customers') throw new CliError('kind must be "insights" or "customers"');
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch {
          throw new CliError(`cannot read ${file}`);
        }
        const header = readCsvHeader(bytes);
        const mapping = buildMapping(header, kind, opts.map);
        await withDb(async (db) => {
          const email = opts.as ? Email.parse(opts.as) : undefined;
          const actor = email
            ? await db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
            : await db.kysely
                .selectFrom('memberships')
                .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
                .select('memberships.user_id as id')
                .where((eb) => eb.or([eb('workspaces.slug', '=', opts.workspace), eb('workspaces.id', '=', opts.workspace)]))
                .where('memberships.role', '=', 'owner')
                .where('memberships.status', '=', 'active')
                .orderBy('memberships.created_at')
                .executeTakeFirst();
          if (!actor?.id) throw new CliError(email ? `no account with email ${email}` : `no workspace "${opts.workspace}"`);
          const access = await resolveAccess(db.kysely, actor.id, opts.workspace);
          const services = createServices(db.kysely, db.dialect, loadConfig(), APP_VERSION);
          const tty = Boolean(process.stdout.isTTY);
          const bar = new SingleBar({
            format: '{phase} {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left',
            hideCursor: true,
          });
          const started = Date.now();
          let barStarted = false;
          let phase: 'checking' | 'writing' | null = null;
          const label = { checking: 'Checking ', writing: 'Importing' } as const;
          let created: Awaited<ReturnType<typeof createImportJob>>;
          try {
            created = await createImportJob(services, access, {
              kind,
              mapping,
              onError: opts.stopOnError ? 'stop' : 'skip',
              createCustomers: Boolean(opts.createCustomers),
              fileName: path.basename(file),
              bytes,
              onProgress: (progress, now) => {
                if (!tty) return;
                if (!barStarted) {
                  bar.start(progress.totalRows, 0, { phase: label[now] });
                  barStarted = true;
                } else if (now !== phase) {
                  // Writing starts over from the rows already accounted for (the bad ones).
                  bar.setTotal(progress.totalRows);
                }
                phase = now;
                bar.update(progress.processedRows, { phase: label[now] });
              },
            });
          } catch (error) {
            if (error instanceof AppError && error.extra.errors?.length)
              throw new CliError(`${error.detail ?? error.message} ${error.extra.errors.map((e) => e.message).join('; ')}.`);
            throw error;
          }
          const { job, done } = created;
          await done;
          if (barStarted) bar.stop();
          const final = await db.kysely.selectFrom('imports').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
          const seconds = (Date.now() - started) / 1000;
          const written = final.created_rows + final.updated_rows;
          console.log(
            `${final.status === 'done' ? 'Imported' : 'Import failed:'} ${final.created_rows} created, ${final.updated_rows} updated, ${final.unchanged_rows} unchanged, ${final.skipped_rows} skipped of ${final.total_rows} rows in ${seconds.toFixed(1)} s.`,
          );
          if (final.message) console.log(final.message);
          const errors = JSON.parse(final.errors) as { line: number; endLine?: number; reason: string }[];
          const where = (e: (typeof errors)[number]) =>
            e.endLine && e.endLine > e.line ? `lines ${e.line}-${e.endLine}` : `line ${e.line}`;
          for (const e of errors.slice(0, 50)) console.log(`  ${where(e)}: ${e.reason}`);
          if (final.skipped_rows > 50 || errors.length > 50)
            console.log(`  … and ${Math.max(final.skipped_rows, errors.length) - 50} more (see the import in the web app).`);
          if (final.status !== 'done')
            throw new CliError(
              written > 0 ? `the import stopped after ${written} row(s) were written; they are kept` : 'nothing was imported',
              2,
            );
        });
      },
    );
}
