import type { HttpCase } from '../http/types.js';
import { activityCases } from './activity.js';
import { customerCases } from './customers.js';
import { discoveryCases } from './discovery.js';
import { featureCases } from './features.js';
import { productCases } from './products.js';
import { strategyCases } from './strategy.js';

/** Every HTTP case, area by area; the load process looks cases up here by name. Add an area in one line. */
export const allCases: HttpCase[] = [...productCases, ...featureCases, ...strategyCases, ...customerCases, ...activityCases];

export function findCase(name: string): HttpCase {
  const found = [...allCases, ...discoveryCases].find((c) => c.name === name);
  if (!found) throw new Error(`No benchmark case named "${name}"`);
  return found;
}
