import { Loader } from '@mantine/core';
import { forwardRef, memo, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE, INSIGHT_SOURCES, INSIGHT_STATUSES } from '../../../contract/discovery.js';
import type { InsightDto } from '../../api/discovery.js';
import { SOURCE_ICONS } from '../../components/discovery/badges.js';
import { useFormat } from '../../components/format.js';
import { useWindowedRows } from '../../components/use-windowed-rows.js';
import classes from './insights.module.css';

export const ROW_HEIGHT = 84;

export interface InsightListHandle {
  /** Scrolls row `index` into view and gives it keyboard focus. */
  reveal: (index: number, focus?: boolean) => void;
}

interface Props {
  items: InsightDto[];
  focusedId: string | null;
  selected: ReadonlySet<string>;
  selectable: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (id: string, index: number) => void;
  onToggle: (id: string, index: number, range: boolean) => void;
}

/**
 * The inbox rows, windowed: only the rows in view are in the page, so thousands of
 * insights scroll like a few. Pages of the list load as the end comes into view.
 */
export const InsightList = forwardRef<InsightListHandle, Props>(function InsightList(
  { items, focusedId, selected, selectable, hasMore, loadingMore, onLoadMore, onOpen, onToggle },
  ref,
) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.resolvedLanguage;
  // One set of labels and formatters for every row (built again only when the language changes).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language
  const labels = useMemo<Labels>(
    () => ({
      select: t('insights.select'),
      status: Object.fromEntries(INSIGHT_STATUSES.map((s) => [s, t(`discovery.statuses.${s}`)])) as Labels['status'],
      source: Object.fromEntries(INSIGHT_SOURCES.map((s) => [s, t(`discovery.sources.${s}`)])) as Labels['source'],
      importance: Object.fromEntries(IMPORTANCE.map((s) => [s, t(`discovery.importance.${s}`)])) as Labels['importance'],
      relative: format.relative,
    }),
    [language],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const count = items.length;
  const { start, end, total, scrollToIndex } = useWindowedRows(scroller, count, ROW_HEIGHT);

  useImperativeHandle(
    ref,
    () => ({
      reveal: (index, focus = true) => {
        scrollToIndex(index);
        if (!focus) return;
        // The row is in the page on the next frame, once the window has moved.
        requestAnimationFrame(() => {
          const button = scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"] button[data-main]`);
          button?.focus({ preventScroll: true });
        });
      },
    }),
    [scrollToIndex],
  );

  // Close to the end of what is loaded: ask for the next page.
  useEffect(() => {
    if (hasMore && !loadingMore && end >= count - 40) onLoadMore();
  }, [end, count, hasMore, loadingMore, onLoadMore]);

  const rows = [];
  for (let index = start; index < end; index++) {
    const insight = items[index];
    if (!insight) continue;
    rows.push(
      <InsightRow
        key={insight.id}
        insight={insight}
        index={index}
        focused={insight.id === focusedId}
        selected={selected.has(insight.id)}
        selectable={selectable}
        labels={labels}
        onOpen={onOpen}
        onToggle={onToggle}
      />,
    );
  }

  return (
    <div ref={scroller} className={classes.scroll} data-testid="insight-list">
      <ul className={classes.rows} style={{ height: total + (hasMore ? 48 : 0) }} aria-label={t('insights.listLabel')}>
        {rows}
      </ul>
      {hasMore && (
        <div className={classes.loadingRow} style={{ top: total }}>
          {loadingMore && <Loader size="xs" type="dots" aria-label={t('common.loading')} />}
        </div>
      )}
    </div>
  );
});

type Labels = {
  select: string;
  status: Record<InsightDto['status'], string>;
  source: Record<InsightDto['source'], string>;
  importance: Record<InsightDto['importance'], string>;
  relative: (iso: string) => string;
};

/** One row: plain elements and CSS only, so a screenful mounts in a frame while scrolling. */
const InsightRow = memo(function InsightRow({
  insight,
  index,
  focused,
  selected,
  selectable,
  labels,
  onOpen,
  onToggle,
}: {
  insight: InsightDto;
  index: number;
  focused: boolean;
  selected: boolean;
  selectable: boolean;
  labels: Labels;
  onOpen: (id: string, index: number) => void;
  onToggle: (id: string, index: number, range: boolean) => void;
}) {
  const who = insight.customer?.name ?? insight.personName;
  const Icon = SOURCE_ICONS[insight.source];
  return (
    <li
      className={classes.row}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      data-index={index}
      data-testid="insight-row"
      data-status={insight.status}
      data-focused={focused || undefined}
      data-selected={selected || undefined}
      aria-current={focused ? 'true' : undefined}
    >
      {selectable && (
        <input
          type="checkbox"
          className={classes.checkbox}
          checked={selected}
          onChange={() => undefined}
          onClick={(e) => onToggle(insight.id, index, e.shiftKey)}
          aria-label={`${labels.select}: ${insight.text.slice(0, 60)}`}
          tabIndex={-1}
        />
      )}
      <button type="button" className={classes.main} data-main onClick={() => onOpen(insight.id, index)}>
        <span className={classes.text}>{insight.text}</span>
        <span className={classes.meta}>
          {who && <span className={classes.customer}>{who}</span>}
          {insight.customer?.segment && <span>{insight.customer.segment}</span>}
          <span className={classes.source}>
            <Icon size={13} stroke={1.7} aria-hidden />
            {labels.source[insight.source]}
          </span>
          <span>{labels.relative(insight.receivedAt)}</span>
          {insight.tags.length > 0 && (
            <span className={classes.tags}>
              {insight.tags.slice(0, 3).map((tag) => (
                <span key={tag} className={classes.tag}>
                  {tag}
                </span>
              ))}
              {insight.tags.length > 3 && <span>+{insight.tags.length - 3}</span>}
            </span>
          )}
        </span>
      </button>
      <span className={classes.side}>
        <span className={classes.status} data-status={insight.status}>
          {labels.status[insight.status]}
        </span>
        <span
          className={classes.importance}
          data-importance={insight.importance}
          role="img"
          aria-label={labels.importance[insight.importance]}
        />
      </span>
    </li>
  );
});
