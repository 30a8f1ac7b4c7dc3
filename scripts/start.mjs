#!/usr/bin/env node
// `npm start`: builds Cairn when the sources are newer than the last build, then serves it.
// Stop signals reach the build and the server (see supervise.mjs), and npm start ends with
// the server's exit code.
import path from 'node:path';
import { isBuildFresh, root } from './build-state.mjs';
import { run, runAndExit } from './supervise.mjs';

if (!isBuildFresh()) {
  console.log('Building Cairn (first start or sources changed)…');
  const status = await run('npm', ['run', 'build'], { cwd: root });
  if (status !== 0) process.exit(status);
}

await runAndExit(process.execPath, [path.join(root, 'bin', 'cairn.mjs'), 'serve', ...process.argv.slice(2)]);
