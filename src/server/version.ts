import { readFileSync } from 'node:fs';

// package.json sits two levels above both src/server and dist/server.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
export const APP_VERSION: string = pkg.version;
