import type { HttpCase } from '../http/types.js';
import { discoveryCases } from './discovery.js';
import { featureCases } from './features.js';
import { productCases } from './products.js';

/** Every HTTP case, area by area; the load process looks cases up here by name. Add an area in one line. */
export const allCases: HttpCase[] = [...productCases, ...featureCases];

export function findCase(name: string): HttpCase {
  const found = [...allCases, ...discoveryCases].find((c) => c.name === name);
  if (!found) throw new Error(`No benchmark case named "${name}"`);
  return found;
}
