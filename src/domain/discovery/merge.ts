/**
 * Merging a duplicate insight B into insight A, as pure rules the server applies in one
 * transaction. Nothing is lost: A keeps its text and gains B's as a quoted block with where
 * it came from, tags are united, the higher importance wins, every feature link of B moves
 * to A (one link per feature, keeping the higher importance and both highlights), and B is
 * archived with a pointer to A so old references still resolve.
 *
 * One thing a merge cannot keep is a second customer: an insight has one. When A and B come
 * from different customers, B's customer stops counting in the evidence of the features B
 * was linked to (its revenue too). Such a merge is reported (`customer_dropped`) and must be
 * confirmed (mergeNeedsConfirmation); feedback that two customers really gave is two pieces
 * of evidence, to be linked to the feature side by side rather than merged.
 */

import { type Importance, type InsightSource, type InsightStatus, maxImportance } from './types.js';

export interface MergeableInsight {
  id: string;
  text: string;
  source: InsightSource;
  customer: { id: string; name: string } | null;
  personName?: string | null;
  personEmail?: string | null;
  tags: string[];
  importance: Importance;
  status: InsightStatus;
  mergedIntoId: string | null;
  /** ISO date or timestamp. */
  receivedAt: string;
}

export interface MergeableLink {
  featureId: string;
  insightId: string;
  highlight: string | null;
  importance: Importance;
}

export type MergeWarning =
  | {
      kind: 'customer_dropped';
      customer: { id: string; name: string };
      /** The features B was linked to: A's customer replaces B's in their evidence. */
      featureIds: string[];
    }
  | { kind: 'tags_truncated'; dropped: string[] }
  | { kind: 'text_truncated' };

export type MergeFailure = { ok: false; reason: 'same_insight' | 'already_merged' | 'target_merged' | 'target_archived' };

export type MergeResult<I extends MergeableInsight, L extends MergeableLink> =
  | {
      ok: true;
      /** A after the merge. */
      target: I;
      /** B after the merge: archived, pointing at A, no links. */
      duplicate: I;
      /** All of A's links after the merge (B's moved in); replaces A's and B's links. */
      links: L[];
      warnings: MergeWarning[];
    }
  | MergeFailure;

export const MAX_TEXT_LENGTH = 20_000;
export const MAX_TAGS = 30;

/** The quoted block appended to A: B's text as a Markdown quote, then "— who, source, date". */
export function quoteOf(insight: MergeableInsight): string {
  const who = insight.customer?.name ?? insight.personName ?? null;
  const date = insight.receivedAt.slice(0, 10);
  const attribution = [who, insight.source, date].filter(Boolean).join(', ');
  const body = insight.text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  return `${body}\n>\n> — ${attribution}`;
}

/** Tags of A then B's new ones, case-insensitively unique, in order. */
export function unionTags(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((t) => {
    const key = t.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Distinct non-empty highlights joined by a blank line; null when none. */
export function joinHighlights(...highlights: (string | null)[]): string | null {
  const distinct = [...new Set(highlights.map((h) => h?.trim() ?? '').filter((h) => h !== ''))];
  return distinct.length > 0 ? distinct.join('\n\n') : null;
}

/**
 * A's links plus B's, moved to A; where both link the same feature, one link with the higher
 * importance and both highlights. Links of other insights are ignored.
 */
export function mergeLinks<L extends MergeableLink>(targetId: string, duplicateId: string, links: readonly L[]): L[] {
  const byFeature = new Map<string, L>();
  const ordered = [...links.filter((l) => l.insightId === targetId), ...links.filter((l) => l.insightId === duplicateId)];
  for (const link of ordered) {
    const existing = byFeature.get(link.featureId);
    if (!existing) byFeature.set(link.featureId, { ...link, insightId: targetId });
    else {
      byFeature.set(link.featureId, {
        ...existing,
        importance: maxImportance(existing.importance, link.importance),
        highlight: joinHighlights(existing.highlight, link.highlight),
      });
    }
  }
  return [...byFeature.values()];
}

/** Merges `duplicate` (B) into `target` (A); see the module comment. Refuses impossible merges. */
export function mergeInsights<I extends MergeableInsight, L extends MergeableLink>(
  target: I,
  duplicate: I,
  links: readonly L[],
): MergeResult<I, L> {
  if (target.id === duplicate.id) return { ok: false, reason: 'same_insight' };
  if (duplicate.mergedIntoId !== null) return { ok: false, reason: 'already_merged' };
  if (target.mergedIntoId !== null) return { ok: false, reason: 'target_merged' };
  if (target.status === 'archived') return { ok: false, reason: 'target_archived' };

  const warnings: MergeWarning[] = [];
  const quote = quoteOf(duplicate);
  let text = target.text.includes(quote) ? target.text : `${target.text.trimEnd()}\n\n${quote}`;
  if (text.length > MAX_TEXT_LENGTH) {
    text = `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
    warnings.push({ kind: 'text_truncated' });
  }
  const tags = unionTags(target.tags, duplicate.tags);
  if (tags.length > MAX_TAGS) warnings.push({ kind: 'tags_truncated', dropped: tags.slice(MAX_TAGS) });
  if (target.customer && duplicate.customer && target.customer.id !== duplicate.customer.id) {
    const featureIds = [...new Set(links.filter((l) => l.insightId === duplicate.id).map((l) => l.featureId))];
    warnings.push({ kind: 'customer_dropped', customer: duplicate.customer, featureIds });
  }
  const merged = mergeLinks(target.id, duplicate.id, links);
  const status: InsightStatus = merged.length > 0 && (target.status === 'new' || target.status === 'triaged') ? 'linked' : target.status;

  return {
    ok: true,
    target: {
      ...target,
      text,
      tags: tags.slice(0, MAX_TAGS),
      importance: maxImportance(target.importance, duplicate.importance),
      customer: target.customer ?? duplicate.customer,
      personName: target.personName ?? duplicate.personName ?? null,
      personEmail: target.personEmail ?? duplicate.personEmail ?? null,
      status,
    },
    duplicate: { ...duplicate, status: 'archived', mergedIntoId: target.id },
    links: merged,
    warnings,
  };
}

/** Whether a merge with these warnings needs the person's confirmation: it drops a customer from the evidence. */
export function mergeNeedsConfirmation(warnings: readonly MergeWarning[]): boolean {
  return warnings.some((w) => w.kind === 'customer_dropped');
}

/** Merges several duplicates into one target, in order; stops at the first refusal. */
export function mergeManyInsights<I extends MergeableInsight, L extends MergeableLink>(
  target: I,
  duplicates: readonly I[],
  links: readonly L[],
): { ok: true; target: I; duplicates: I[]; links: L[]; warnings: MergeWarning[] } | (MergeFailure & { duplicateId: string }) {
  let current = target;
  let currentLinks = links.filter((l) => l.insightId === target.id || duplicates.some((d) => d.id === l.insightId));
  const archived: I[] = [];
  const warnings: MergeWarning[] = [];
  for (const d of duplicates) {
    const r = mergeInsights(current, d, currentLinks);
    if (!r.ok) return { ...r, duplicateId: d.id };
    current = r.target;
    currentLinks = [...r.links, ...currentLinks.filter((l) => l.insightId !== target.id && l.insightId !== d.id)];
    archived.push(r.duplicate);
    warnings.push(...r.warnings);
  }
  return { ok: true, target: current, duplicates: archived, links: currentLinks.filter((l) => l.insightId === target.id), warnings };
}
