#!/usr/bin/env node
// `npm start`: builds Cairn when the sources are newer than the last build, then serves it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

const sources = ['src', 'package.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.build.json'].map((p) => path.join(root, p));
const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (Math.max(...sources.map(newestMtime)) > built) {
  console.log('Building Cairn (first start or sources changed)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, new Date().toISOString());
}

const server = spawnSync(process.execPath, [path.join(root, 'bin', 'cairn.mjs'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(server.status ?? 0);
