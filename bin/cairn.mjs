#!/usr/bin/env node
// The cairn command: runs the built CLI when it matches the sources, otherwise the
// TypeScript sources through tsx (slower to start, never stale).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isBuildFresh } from '../scripts/build-state.mjs';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (existsSync(built) && !process.env.CAIRN_FROM_SOURCE && isBuildFresh()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
