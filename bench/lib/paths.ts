import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: bench/lib sits two levels below it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
