import type { Command } from 'commander';
import { z } from 'zod';
import { Email, Password } from '../contract/auth.js';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { connect, type Db } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { AppError } from '../server/http/errors.js';
import { nowIso } from '../server/lib/ids.js';
import { hashPassword } from '../server/modules/auth/passwords.js';
import { createUser } from '../server/modules/auth/service.js';
import { createWorkspace, listMyWorkspaces } from '../server/modules/workspaces/service.js';
import { CliError } from './errors.js';

/** The configuration from the environment; invalid settings become one line for the terminal. */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`invalid configuration: ${error.issues.join('; ')}`);
    throw error;
  }
}

/**
 * Opens the configured database for one command, migrated first unless the command is the
 * migration itself (which then reports what it applied); always closes it.
 */
export async function withDb<T>(fn: (db: Db) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = cliConfig();
  const db = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (options.migrate ?? true) await migrateToLatest(db);
    return await fn(db);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.detail ?? error.message);
    throw error;
  } finally {
    await db.close();
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
}

async function readPassword(opts: { password?: string; passwordStdin?: boolean }): Promise<string> {
  if (opts.password !== undefined) return opts.password;
  if (opts.passwordStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  throw new CliError('give --password <password> or --password-stdin');
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (serve does this too)')
    .action(async () => {
      await withDb(
        async (db) => {
          const { applied } = await migrateToLatest(db);
          console.log(applied.length ? `Applied: ${applied.join(', ')}` : `Database is up to date (${db.dialect}).`);
        },
        { migrate: false },
      );
    });

  const user = program.command('user').description('Manage accounts');
  user
    .command('create')
    .description('Create an account (the first one is what the set-up screen creates)')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--password <password>', 'password (8+ characters); prefer --password-stdin in scripts')
    .option('--password-stdin', 'read the password from standard input')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .action(async (opts: { email: string; password?: string; passwordStdin?: boolean; name?: string }) => {
      const email = parse(Email, opts.email, 'email');
      const password = parse(Password, await readPassword(opts), 'password');
      const name = parse(z.string().trim().min(1).max(120), opts.name ?? email.split('@')[0], 'name');
      await withDb(async (db) => {
        const created = await createUser(db.kysely, { email, password, name });
        console.log(`Created account ${created.email} (${created.id}).`);
      });
    });
  user
    .command('list')
    .description('List accounts')
    .action(async () => {
      await withDb(async (db) => {
        const rows = await db.kysely.selectFrom('users').select(['id', 'email', 'name', 'created_at']).orderBy('email').execute();
        if (rows.length === 0) console.log('No accounts yet: open Cairn in a browser or run `cairn user create`.');
        for (const r of rows) console.log(`${r.email}\t${r.name}\t${r.created_at}\t${r.id}`);
      });
    });
  user
    .command('set-password')
    .description("Reset an account's password (signs out its sessions)")
    .requiredOption('--email <email>', 'account email')
    .option('--password <password>', 'new password')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; password?: string; passwordStdin?: boolean }) => {
      const email = parse(Email, opts.email, 'email');
      const password = parse(Password, await readPassword(opts), 'password');
      await withDb(async (db) => {
        const row = await db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
        if (!row) throw new CliError(`no account with email ${email}`);
        const hash = await hashPassword(password);
        await db.kysely.transaction().execute(async (trx) => {
          await trx.updateTable('users').set({ password_hash: hash, updated_at: nowIso() }).where('id', '=', row.id).execute();
          await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
        });
        console.log(`Password changed for ${email}; their sessions were signed out.`);
      });
    });

  const workspace = program.command('workspace').description('Manage workspaces');
  workspace
    .command('create')
    .description('Create a workspace owned by an existing account')
    .requiredOption('--name <name>', 'workspace name (a company or a client)')
    .requiredOption('--owner <email>', 'email of the owner account')
    .option('--slug <slug>', 'URL slug (default: from the name)')
    .action(async (opts: { name: string; owner: string; slug?: string }) => {
      const email = parse(Email, opts.owner, 'owner');
      await withDb(async (db) => {
        const owner = await db.kysely.selectFrom('users').select(['id', 'email']).where('email', '=', email).executeTakeFirst();
        if (!owner) throw new CliError(`no account with email ${email}; create it with \`cairn user create\``);
        const created = await createWorkspace(db.kysely, owner, {
          name: parse(z.string().trim().min(1).max(120), opts.name, 'name'),
          slug: opts.slug,
        });
        console.log(`Created workspace ${created.name} (slug ${created.slug}).`);
      });
    });
  workspace
    .command('list')
    .description('List the workspaces of an account')
    .requiredOption('--user <email>', 'account email')
    .action(async (opts: { user: string }) => {
      const email = parse(Email, opts.user, 'user');
      await withDb(async (db) => {
        const u = await db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
        if (!u) throw new CliError(`no account with email ${email}`);
        for (const w of await listMyWorkspaces(db.kysely, u.id)) console.log(`${w.slug}\t${w.name}\t${w.role}`);
      });
    });
}
