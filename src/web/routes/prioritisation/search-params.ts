import { FEATURE_STATUSES } from '../../../contract/discovery.js';
import { FRAMEWORK_KEYS, type FrameworkKey } from '../../../domain/scoring/result.js';

/** The prioritisation page's URL: framework and filters (shareable, kept on reload) and the open explanation. */
export interface PrioritiseSearch {
  /** Absent: the product's first framework, else the workspace's default. */
  framework?: FrameworkKey;
  product?: string;
  status?: string;
  q?: string;
  /** The feature whose score explanation is open. */
  explain?: string;
}

const ID = /^[0-9a-f-]{36}$/i;

export function isFramework(value: unknown): value is FrameworkKey {
  return typeof value === 'string' && (FRAMEWORK_KEYS as readonly string[]).includes(value);
}

export function validatePrioritiseSearch(search: Record<string, unknown>): PrioritiseSearch {
  const out: PrioritiseSearch = {};
  if (isFramework(search.framework)) out.framework = search.framework;
  if (typeof search.product === 'string' && ID.test(search.product)) out.product = search.product;
  if (typeof search.status === 'string') {
    const statuses = [...new Set(search.status.split(',').filter((s) => (FEATURE_STATUSES as readonly string[]).includes(s)))];
    if (statuses.length > 0) out.status = statuses.join(',');
  }
  if (typeof search.q === 'string' && search.q.trim() !== '') out.q = search.q.trim().slice(0, 200);
  if (typeof search.explain === 'string' && ID.test(search.explain)) out.explain = search.explain;
  return out;
}
