import type { FeatureScores, ScoresPatch } from '../../../domain/scoring/feature-scores.js';
import { evidenceSince, reachWindowSince, utcDay, type WindowedEvidence } from '../../../domain/scoring/reach-window.js';
import type { ScoreLabels } from './labels.js';

/** The reach window and source a feature's RICE reads, its unsaved edit included. */
export function draftedReach(scores: FeatureScores['rice'], draft: ScoresPatch | undefined): { source: string; days: number | null } {
  const rice = draft?.rice ?? undefined;
  const source = rice && rice.reachSource !== undefined ? (rice.reachSource ?? 'manual') : scores.reachSource;
  const days = rice && rice.reachWindowDays !== undefined ? (rice.reachWindowDays ?? null) : scores.reachWindowDays;
  return { source, days };
}

/**
 * The evidence in a window the server has not counted yet (a window chosen but not saved),
 * from the feature's linked insights, with the domain's rule: the window ends today (UTC).
 * Undefined when the server's counts apply (or nothing is needed); null while the links are
 * not loaded.
 */
export function draftWindow(
  scores: FeatureScores['rice'],
  draft: ScoresPatch | undefined,
  quotes: readonly { receivedAt: string; customer: { id: string } | null }[] | undefined,
  now: Date = new Date(),
): WindowedEvidence | null | undefined {
  const { source, days } = draftedReach(scores, draft);
  if (source === 'manual' || days === null) return undefined;
  if (scores.reachWindow && scores.reachWindowDays === days) return undefined;
  if (!quotes) return null;
  const since = reachWindowSince(utcDay(now), days);
  return {
    days,
    since,
    ...evidenceSince(
      quotes.map((q) => ({ receivedAt: q.receivedAt, customerId: q.customer?.id ?? null })),
      since,
    ),
  };
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** Which evidence a derived reach counts, in words: "Insights received since 5 Sep 2026 (last 90 days)". */
export function reachWindowText(rice: FeatureScores['rice'], labels: Pick<ScoreLabels, 'locale'>, t: T): string {
  const what = t(`prioritise.reachWindow.what.${rice.reachSource}`);
  if (rice.reachWindowDays === null) return t('prioritise.reachWindow.allTime', { what });
  if (!rice.reachWindow) return t('prioritise.reachWindow.counting', { what, count: rice.reachWindowDays });
  const since = new Intl.DateTimeFormat(labels.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(rice.reachWindow.since));
  return t('prioritise.reachWindow.since', { what, since, count: rice.reachWindowDays });
}
