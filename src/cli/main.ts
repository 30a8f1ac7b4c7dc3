import { Command, InvalidArgumentError } from 'commander';
import { APP_VERSION } from '../server/version.js';
import { registerAdminCommands } from './admin.js';
import { CliError } from './errors.js';
import { registerImportCommand } from './import.js';

const program = new Command();
program
  .name('cairn')
  .description('Cairn — open-source product management. Configuration comes from environment variables (see README).')
  .version(APP_VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('Start Cairn (API, web app, API docs at /api/docs); migrates the database first')
  .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)', parsePort)
  .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
  .action(async (opts: { port?: number; host?: string }) => {
    const { cliConfig } = await import('./admin.js');
    const { startServer } = await import('../server/main.js');
    const config = cliConfig();
    await startServer({ ...config, ...(opts.port !== undefined && { port: opts.port }), ...(opts.host && { host: opts.host }) });
  });

registerAdminCommands(program);
registerImportCommand(program);

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('must be a port number (0–65535)');
  return port;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliError) {
    process.stderr.write(`cairn: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cairn: ${message}\n`);
  process.exit(1);
});
