/**
 * The discovery vocabulary shared by this folder. Mirrors the API contract (src/contract),
 * which the domain cannot import: the contract depends on a validation library, the domain
 * on nothing.
 */

export const INSIGHT_SOURCES = ['interview', 'support', 'sales', 'survey', 'portal', 'import', 'other'] as const;
export type InsightSource = (typeof INSIGHT_SOURCES)[number];

/** Importance levels, lowest first: the order `maxImportance` and merges rely on. */
export const IMPORTANCE_LEVELS = ['nice_to_have', 'important', 'critical'] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];

export const INSIGHT_STATUSES = ['new', 'triaged', 'linked', 'archived'] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

export type RevenuePeriod = 'month' | 'year';

/** A customer's revenue as entered: per month (MRR) or per year (ARR), in one currency. */
export interface Revenue {
  amount: number;
  period: RevenuePeriod;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}

/** The higher of two importance levels (critical > important > nice_to_have). */
export function maxImportance(a: Importance, b: Importance): Importance {
  return IMPORTANCE_LEVELS.indexOf(a) >= IMPORTANCE_LEVELS.indexOf(b) ? a : b;
}
