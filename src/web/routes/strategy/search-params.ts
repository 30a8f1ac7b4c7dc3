/**
 * The strategy page's URL: which period and product it shows, and whether "new objective" is
 * open. Checked by the router on every visit, so it stays free of the strategy domain code
 * (which loads with the page).
 */
export interface StrategySearch {
  /** 'all', a quarter ('2027-Q1'), a half ('2027-H2') or a year ('2027'); absent: the current quarter. */
  period?: string;
  product?: string;
  new?: boolean;
}

/** Years 1970–2999, alone or with a quarter (Q1–Q4) or a half (H1–H2). */
const PERIOD_KEY = /^(?:19[7-9]\d|2\d{3})(?:-Q[1-4]|-H[12])?$/;

export function isPeriodKey(value: unknown): value is string {
  return value === 'all' || (typeof value === 'string' && PERIOD_KEY.test(value));
}

export function validateStrategySearch(search: Record<string, unknown>): StrategySearch {
  // "?period=2027" reaches here as a number (search values are parsed as JSON).
  const period = typeof search.period === 'number' ? String(search.period) : search.period;
  return {
    ...(isPeriodKey(period) && { period }),
    ...(typeof search.product === 'string' && /^[0-9a-f-]{36}$/i.test(search.product) && { product: search.product }),
    ...((search.new === true || search.new === 'true') && { new: true }),
  };
}
