import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type TransferListItem, Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module beside the caller: `start(import.meta.url, 'name')`
 * runs name.js from the build, or name.ts from the TypeScript sources (through tsx, which the
 * thread registers itself: loader hooks are per thread), so the same code runs both ways.
 */
export function startModuleWorker(callerUrl: string, name: string, workerData: unknown, transferList: TransferListItem[] = []): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const entry = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
  if (!fromSource) return new Worker(entry, { workerData, transferList });
  // require() resolves the package's CommonJS entry; the thread imports its ES module twin.
  const tsx = createRequire(callerUrl)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData, transferList });
}
