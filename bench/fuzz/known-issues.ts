import type { Finding } from './oracle.js';

/**
 * Server bugs the fuzzer has found and reported, not fixed yet. The test suite tolerates these
 * (and only these) so it stays green for everyone else; `npm run test:fuzz` still lists and
 * fails on them. Delete an entry when its fix lands.
 */
export interface KnownIssue {
  id: string;
  description: string;
  matches(finding: Finding): boolean;
}

const KNOWN_ISSUES: KnownIssue[] = [];

export function knownIssueOf(finding: Finding): KnownIssue | undefined {
  return KNOWN_ISSUES.find((issue) => issue.matches(finding));
}
