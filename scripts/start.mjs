#!/usr/bin/env node
// `npm start`: builds Cairn when the sources are newer than the last build, then serves it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { isBuildFresh, root } from './build-state.mjs';

if (!isBuildFresh()) {
  console.log('Building Cairn (first start or sources changed)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawnSync(process.execPath, [path.join(root, 'bin', 'cairn.mjs'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(server.status ?? 0);
