import { ActionIcon, Button, Checkbox, Drawer, Group, Kbd, Menu, Skeleton, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconBox,
  IconChecks,
  IconDots,
  IconDownload,
  IconFileImport,
  IconFlag,
  IconHandFinger,
  IconLink,
  IconPlus,
  IconTags,
  IconX,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE, INSIGHT_COUNT_LIMIT } from '../../../contract/discovery.js';
import { isApiError } from '../../api/client.js';
import { type InsightDto, type InsightStatusValue, insightCountQuery, insightQuery, insightsQuery } from '../../api/discovery.js';
import { type InsightBulk, resetInsightLists, useBulkInsights } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { productsQuery } from '../../api/queries.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ErrorState } from '../../components/error-state.js';
import { PageHeader } from '../../components/page-header.js';
import { usePageShortcuts } from '../../components/shell/page-shortcuts.js';
import { dialogOpen, isTyping } from '../../components/shell/shortcuts.js';
import { FilterBar } from './filter-bar.js';
import { InsightDetail } from './insight-detail.js';
import { InsightList, type InsightListHandle } from './insight-list.js';
import classes from './insights.module.css';
import { InsightsEmpty } from './insights-empty.js';
import { LinkFeatureModal, type LinkRequest } from './link-feature-modal.js';
import { NewInsightModal } from './new-insight-modal.js';
import { hasFilters, type InsightsSearch, toFilters } from './search-params.js';
import { TagsModal } from './tags-modal.js';
import '../../i18n/discovery.js';

// The import wizard brings the CSV parser; it loads when it opens.
const ImportWizard = lazy(() => import('../imports/import-wizard.js'));

const BULK_MAX = 1000;

/** The text the person selected inside the insight's text, to quote it as evidence. */
function selectedQuote(): string | undefined {
  const selection = window.getSelection();
  const text = selection?.toString().trim();
  if (!selection || !text || !selection.anchorNode) return undefined;
  const holder = document.querySelector('[data-insight-text]');
  return holder?.contains(selection.anchorNode) ? text.slice(0, 2000) : undefined;
}

/**
 * The insights inbox: every piece of feedback, newest first, filtered from the URL, read in
 * a detail pane and triaged from the keyboard (j/k, x, e, a, t, l).
 */
export function InsightsPage() {
  const { t, i18n } = useTranslation();
  const number = useMemo(() => {
    const f = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en');
    return (n: number) => f.format(n);
  }, [i18n.resolvedLanguage]);
  const workspace = useWorkspace();
  const ws = workspace.key;
  const search = useSearch({ strict: false }) as InsightsSearch;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const canEdit = workspace.can('insight.write');
  const canLink = workspace.can('feature.write');
  const canImport = workspace.can('import.run');
  const wide = useMediaQuery('(min-width: 62em)', true);

  const filters = useMemo(() => toFilters(search), [search]);
  const filterKey = JSON.stringify(filters);
  const insights = useInfiniteQuery(insightsQuery(ws, filters));
  // The real total (the list loads 200 at a time); counted up to INSIGHT_COUNT_LIMIT.
  const total = useQuery(insightCountQuery(ws, filters));
  const matchingCount = total.data && !total.isPlaceholderData && total.data.exact ? total.data.count : null;
  const items = useMemo(() => insights.data?.pages.flatMap((p) => p.items) ?? [], [insights.data]);
  const indexById = useMemo(() => new Map(items.map((item, index) => [item.id, index])), [items]);
  const tagSuggestions = useMemo(() => {
    const seen = new Set<string>();
    for (const item of items.slice(0, 3000)) for (const tag of item.tags) seen.add(tag);
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, [items]);
  const products = useInfiniteQuery(productsQuery(ws, { archived: 'false' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];

  const setSearch = useCallback(
    (patch: Partial<InsightsSearch>) =>
      void navigate({
        to: '/w/$workspace/insights',
        params: { workspace: ws },
        search: (prev: InsightsSearch) => {
          const next: InsightsSearch = { ...prev, ...patch };
          for (const k of Object.keys(next) as (keyof InsightsSearch)[]) if (next[k] === undefined) delete next[k];
          return next;
        },
        replace: true,
      }),
    [navigate, ws],
  );

  // Focus: the insight shown in the detail pane and moved with j/k.
  const [pinnedId, setPinnedId] = useState<string | null>(search.insight ?? null);
  const [focusedId, setFocusedId] = useState<string | null>(search.insight ?? null);
  const lastIndex = useRef(0);
  const focusedIndex = focusedId ? (indexById.get(focusedId) ?? -1) : -1;
  if (focusedIndex >= 0) lastIndex.current = focusedIndex;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at the top
  useEffect(() => {
    lastIndex.current = 0;
  }, [filterKey]);
  useEffect(() => {
    if (search.insight) {
      setPinnedId(search.insight);
      setFocusedId(search.insight);
    }
  }, [search.insight]);
  useEffect(() => {
    if (items.length === 0) return;
    if (focusedId && (indexById.has(focusedId) || focusedId === pinnedId)) return;
    const next = items[Math.min(lastIndex.current, items.length - 1)];
    if (next) setFocusedId(next.id);
  }, [items, indexById, focusedId, pinnedId]);
  const pinned = useQuery({ ...insightQuery(ws, focusedId ?? ''), enabled: focusedId !== null && focusedIndex === -1 });
  const focused: InsightDto | undefined = focusedIndex >= 0 ? items[focusedIndex] : (pinned.data ?? undefined);
  // The list follows j/k at once; the detail pane catches up when the keys pause.
  const shown = useDeferredValue(focused);

  const [drawerOpen, setDrawerOpen] = useState(false);
  const list = useRef<InsightListHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  // Selection, for bulk actions: rows picked one by one, or every insight the filters match
  // (then the actions go to the server by filter, with the count the person saw).
  const [selected, setSelectedRows] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const setSelected = useCallback((next: ReadonlySet<string> | ((prev: ReadonlySet<string>) => ReadonlySet<string>)) => {
    setAllMatching(false);
    setSelectedRows(next);
  }, []);
  const anchor = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another filter, another selection
  useEffect(() => setSelected(new Set()), [filterKey]);
  const matching = allMatching && matchingCount !== null ? { filters, count: matchingCount } : null;
  const toggle = useCallback(
    (id: string, index: number, range: boolean) => {
      setSelected((prev) => {
        const next = new Set(prev);
        if (range && anchor.current !== null) {
          const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
          for (let i = from; i <= to; i++) {
            const item = items[i];
            if (item) next.add(item.id);
          }
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = index;
    },
    [items, setSelected],
  );

  const focusAt = useCallback(
    (index: number, domFocus = true) => {
      const item = items[index];
      if (!item) return;
      setFocusedId(item.id);
      list.current?.reveal(index, domFocus);
      if (search.insight) setSearch({ insight: undefined });
    },
    [items, search.insight, setSearch],
  );

  const open = useCallback(
    (id: string, index: number) => {
      setFocusedId(id);
      anchor.current = index;
      if (search.insight) setSearch({ insight: undefined });
      if (!wide) setDrawerOpen(true);
    },
    [search.insight, setSearch, wide],
  );

  useEffect(() => {
    const onFocusInsight = (event: Event) => {
      const id = (event as CustomEvent<string>).detail;
      const index = indexById.get(id);
      if (index !== undefined) focusAt(index, false);
      else {
        setPinnedId(id);
        setFocusedId(id);
      }
    };
    window.addEventListener('cairn:focus-insight', onFocusInsight);
    return () => window.removeEventListener('cairn:focus-insight', onFocusInsight);
  }, [focusAt, indexById]);

  // Bulk actions and their undo.
  const bulk = useBulkInsights(ws);
  const targets = useCallback((): InsightDto[] => {
    if (selected.size > 0) return items.filter((i) => selected.has(i.id));
    return focused ? [focused] : [];
  }, [focused, items, selected]);

  const runBulk = useCallback(
    async (ids: string[], body: Omit<InsightBulk, 'ids'>) => {
      let updated = 0;
      for (let i = 0; i < ids.length; i += BULK_MAX) {
        const result = await bulk.mutateAsync({ ...body, ids: ids.slice(i, i + BULK_MAX) } as InsightBulk);
        updated += result.updated;
      }
      return updated;
    },
    [bulk],
  );

  /** A bulk action on every matching insight; refused (and the count read again) if another number matches now. */
  const runMatching = useCallback(
    async (selection: { filters: typeof filters; count: number }, body: Omit<InsightBulk, 'ids' | 'filter' | 'expectedCount'>) => {
      try {
        return await bulk.mutateAsync({ ...body, filter: selection.filters, expectedCount: selection.count } as InsightBulk);
      } catch (error) {
        if (isApiError(error, 'conflict')) {
          void total.refetch();
          throw new Error(t('insights.selectionChanged'));
        }
        throw error;
      }
    },
    [bulk, t, total],
  );

  const setStatus = useCallback(
    (status: InsightStatusValue) => {
      const list = matching ? [] : targets();
      if (!matching && list.length === 0) return;
      const run: Promise<{ updated: number; previous: { id: string; status: InsightStatusValue }[] }> = matching
        ? runMatching(matching, { action: 'set_status', status })
        : runBulk(
            list.map((i) => i.id),
            { action: 'set_status', status },
          ).then((updated) => ({ updated, previous: list.map((i) => ({ id: i.id, status: i.status })) }));
      run
        .then(({ updated: count, previous: before }) => {
          setSelected(new Set());
          const message =
            status === 'archived'
              ? t('insights.archived', { count })
              : status === 'triaged'
                ? t('insights.triaged', { count })
                : t('insights.updated', { count });
          const id = `status-${Date.now()}`;
          const undo = async () => {
            notifications.hide(id);
            const groups = new Map<InsightStatusValue, string[]>();
            for (const b of before) groups.set(b.status, [...(groups.get(b.status) ?? []), b.id]);
            try {
              for (const [previous, ids] of groups) await runBulk(ids, { action: 'set_status', status: previous });
              resetInsightLists(queryClient, ws);
              notifications.show({ message: t('insights.undone') });
            } catch (error) {
              notifications.show({ color: 'red', message: errorMessage(error) });
            }
          };
          notifications.show({
            id,
            message: (
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">{message}</Text>
                <Button size="compact-xs" variant="subtle" onClick={() => void undo()}>
                  {t('insights.undo')}
                </Button>
              </Group>
            ),
          });
        })
        .catch((error: unknown) =>
          notifications.show({
            color: 'red',
            title: t('common.saveFailed'),
            message: error instanceof Error && !isApiError(error) ? error.message : errorMessage(error),
          }),
        );
    },
    [errorMessage, matching, queryClient, runBulk, runMatching, setSelected, t, targets, ws],
  );

  const bulkSet = (body: Omit<InsightBulk, 'ids' | 'filter' | 'expectedCount'>) => {
    const list = matching ? [] : targets();
    if (!matching && list.length === 0) return;
    (matching
      ? runMatching(matching, body).then((r) => r.updated)
      : runBulk(
          list.map((i) => i.id),
          body,
        )
    )
      .then((count) => notifications.show({ message: t('insights.updated', { count }) }))
      .catch((error: unknown) =>
        notifications.show({
          color: 'red',
          title: t('common.saveFailed'),
          message: error instanceof Error && !isApiError(error) ? error.message : errorMessage(error),
        }),
      );
  };

  // Dialogs.
  const [linkRequest, setLinkRequest] = useState<LinkRequest | null>(null);
  const [tagTargets, setTagTargets] = useState<InsightDto[] | null>(null);
  const [tagMatching, setTagMatching] = useState<{ filters: typeof filters; count: number } | null>(null);
  const linkState = useRef({ focused, targets, matching });
  linkState.current = { focused, targets, matching };
  // Stable, so the detail pane does not render again for every move of the focus.
  const openLink = useCallback(
    (featureId?: string) => {
      const { focused: current, targets: chosen, matching: all } = linkState.current;
      if (all && !featureId) {
        notifications.show({ color: 'orange', message: t('insights.linkNeedsLoaded') });
        return;
      }
      const list = featureId && current ? [current] : chosen();
      if (list.length === 0) return;
      setLinkRequest({ insights: list, featureId, highlight: list.length === 1 ? selectedQuote() : undefined });
    },
    [t],
  );
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const openNew = useCallback(() => setSearch({ new: true }), [setSearch]);
  const openImport = useCallback(() => setSearch({ import: true }), [setSearch]);

  // The inbox's keys; "g then a letter" stays the global navigation.
  const keyState = useRef({ lastG: 0 });
  const handlers = useRef({
    focusAt,
    setStatus,
    openLink,
    openNew,
    toggle,
    focusedIndex,
    items,
    focused,
    targets,
    selected,
    insights,
    matching,
  });
  handlers.current = { focusAt, setStatus, openLink, openNew, toggle, focusedIndex, items, focused, targets, selected, insights, matching };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || dialogOpen()) return;
      const h = handlers.current;
      const now = Date.now();
      if (event.key === 'g') {
        keyState.current.lastG = now;
        return;
      }
      if (now - keyState.current.lastG < 1200) return;
      const move = (delta: number) => {
        if (h.items.length === 0) return;
        const from = h.focusedIndex;
        const next = from === -1 ? 0 : Math.max(0, Math.min(h.items.length - 1, from + delta));
        if (delta > 0 && next >= h.items.length - 5 && h.insights.hasNextPage && !h.insights.isFetchingNextPage)
          void h.insights.fetchNextPage();
        h.focusAt(next);
      };
      const act = () => event.preventDefault();
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          act();
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          act();
          move(-1);
          break;
        case 'x':
          if (!canEdit || !h.focused || h.focusedIndex < 0) return;
          act();
          h.toggle(h.focused.id, h.focusedIndex, event.shiftKey);
          break;
        case 'e':
          if (!canEdit) return;
          act();
          h.setStatus('triaged');
          break;
        case 'a':
          if (!canEdit) return;
          act();
          h.setStatus('archived');
          break;
        case 'l':
          if (!canLink) return;
          act();
          h.openLink();
          break;
        case 't':
          if (!canEdit) return;
          act();
          setTagTargets(h.targets());
          setTagMatching(h.matching);
          break;
        case 'n':
          if (!canEdit) return;
          act();
          h.openNew();
          break;
        case '/':
          act();
          searchInput.current?.focus();
          break;
        case 'Escape':
          if (h.selected.size > 0) {
            act();
            setSelected(new Set());
          }
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit, canLink, setSelected]);

  usePageShortcuts('insights', {
    title: t('insights.shortcuts.title'),
    rows: [
      { keys: ['j'], label: t('insights.shortcuts.next') },
      { keys: ['k'], label: t('insights.shortcuts.previous') },
      ...(canEdit
        ? [
            { keys: ['x'], label: t('insights.shortcuts.select') },
            { keys: ['e'], label: t('insights.shortcuts.triage') },
            { keys: ['a'], label: t('insights.shortcuts.archive') },
            { keys: ['t'], label: t('insights.shortcuts.tags') },
          ]
        : []),
      ...(canLink ? [{ keys: ['l'], label: t('insights.shortcuts.link') }] : []),
      ...(canEdit ? [{ keys: ['n'], label: t('insights.shortcuts.newInsight') }] : []),
      { keys: ['/'], label: t('insights.shortcuts.search') },
      { keys: ['Esc'], label: t('insights.shortcuts.clear') },
    ],
  });

  const filtered = hasFilters(search);
  const { fetchNextPage } = insights;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const exportHref = useMemo(() => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    const text = query.toString();
    return `/api/v1/workspaces/${encodeURIComponent(ws)}/insights/export${text ? `?${text}` : ''}`;
  }, [filters, ws]);

  const detail = shown ? (
    <InsightDetail
      key={shown.id}
      workspace={ws}
      insight={shown}
      canEdit={canEdit}
      canLink={canLink}
      onLink={openLink}
      {...(!wide && { onClose: closeDrawer })}
    />
  ) : (
    <Stack align="center" justify="center" h="100%" p="xl" gap="xs">
      <ThemeIcon size={44} radius="xl" variant="light" color="gray">
        <IconHandFinger size={22} aria-hidden />
      </ThemeIcon>
      <Text size="sm" fw={500}>
        {t('insights.nothingFocused')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('insights.nothingFocusedHint')}
      </Text>
    </Stack>
  );

  const allSelected = allMatching || (items.length > 0 && selected.size === items.length);
  // Every loaded row is picked but more match: offer the rest (Gmail's "select all N").
  const moreThanLoaded = allSelected && (insights.hasNextPage || (matchingCount !== null && matchingCount > items.length));
  const selectedCount = matching ? matching.count : selected.size;
  const totalText = !total.data
    ? insights.hasNextPage
      ? t('insights.loadedMore', { count: items.length })
      : t('insights.loaded', { count: items.length })
    : total.data.exact
      ? t('insights.total', { count: total.data.count, number: number(total.data.count) })
      : t('insights.countAtLeast', { number: number(total.data.count) });

  return (
    <div className={classes.layout}>
      <PageHeader
        title={t('insights.title')}
        description={t('insights.description')}
        actions={
          <>
            <Button
              component="a"
              href={exportHref}
              download
              variant="subtle"
              color="gray"
              leftSection={<IconDownload size={16} aria-hidden />}
              visibleFrom="md"
            >
              {t('insights.export')}
            </Button>
            {canImport && (
              <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={openImport}>
                {t('insights.import')}
              </Button>
            )}
            {canEdit && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openNew} rightSection={<Kbd size="xs">N</Kbd>}>
                {t('insights.new')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar ref={searchInput} workspace={ws} search={search} setSearch={setSearch} tags={tagSuggestions} />

      {insights.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} h={72} radius="md" />
          ))}
        </Stack>
      ) : insights.isError ? (
        <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />
      ) : items.length === 0 && !focused ? (
        <InsightsEmpty
          filtered={filtered}
          canWrite={canEdit}
          canImport={canImport}
          onCreate={openNew}
          onImport={openImport}
          onClear={() =>
            setSearch({
              q: undefined,
              status: undefined,
              source: undefined,
              importance: undefined,
              customer: undefined,
              segment: undefined,
              tag: undefined,
              product: undefined,
              feature: undefined,
              from: undefined,
              to: undefined,
            })
          }
        />
      ) : (
        <div className={classes.body}>
          <div className={classes.listPane}>
            <div className={classes.listHeader} data-selecting={selected.size > 0 || undefined}>
              {canEdit && (
                <Checkbox
                  size="xs"
                  aria-label={t('insights.selectAll')}
                  checked={allSelected}
                  indeterminate={selected.size > 0 && !allSelected}
                  onChange={() => setSelected(allSelected || selected.size > 0 ? new Set() : new Set(items.map((i) => i.id)))}
                />
              )}
              {selected.size > 0 ? (
                <Group gap={6} wrap="wrap" style={{ flex: 1 }} className={classes.bulkBar} data-testid="bulk-bar">
                  <Text size="sm" fw={600} mr={4} style={{ whiteSpace: 'nowrap' }} data-testid="selected-count">
                    {matching
                      ? t('insights.selectedAllMatching', { count: selectedCount, number: number(selectedCount) })
                      : t('insights.selected', { count: selectedCount })}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconChecks size={14} aria-hidden />}
                    onClick={() => setStatus('triaged')}
                  >
                    {t('insights.markTriaged')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconArchive size={14} aria-hidden />}
                    onClick={() => setStatus('archived')}
                  >
                    {t('insights.archive')}
                  </Button>
                  {canLink && (
                    <Tooltip label={t('insights.linkNeedsLoaded')} disabled={!matching} multiline w={260}>
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconLink size={14} aria-hidden />}
                        onClick={() => openLink()}
                        data-disabled={matching ? true : undefined}
                        aria-disabled={matching ? true : undefined}
                      >
                        {t('insights.linkToFeature')}
                      </Button>
                    </Tooltip>
                  )}
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconTags size={14} aria-hidden />}
                    onClick={() => {
                      setTagTargets(targets());
                      setTagMatching(matching);
                    }}
                  >
                    {t('insights.addTags')}
                  </Button>
                  <Menu withinPortal position="bottom-start">
                    <Menu.Target>
                      <ActionIcon variant="default" size={26} aria-label={t('insights.moreActions')}>
                        <IconDots size={15} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{t('insights.setImportance')}</Menu.Label>
                      {IMPORTANCE.map((importance) => (
                        <Menu.Item
                          key={importance}
                          leftSection={<IconFlag size={14} aria-hidden />}
                          onClick={() => bulkSet({ action: 'set_importance', importance })}
                        >
                          {t(`discovery.importance.${importance}`)}
                        </Menu.Item>
                      ))}
                      {productItems.length > 0 && (
                        <>
                          <Menu.Divider />
                          <Menu.Label>{t('insights.setProduct')}</Menu.Label>
                          {productItems.map((p) => (
                            <Menu.Item
                              key={p.id}
                              leftSection={<IconBox size={14} aria-hidden />}
                              onClick={() => bulkSet({ action: 'set_product', productId: p.id })}
                            >
                              {p.name}
                            </Menu.Item>
                          ))}
                          <Menu.Item onClick={() => bulkSet({ action: 'set_product', productId: null })}>
                            {t('discovery.noProduct')}
                          </Menu.Item>
                        </>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                  <Tooltip label={t('insights.clearSelection')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size={26}
                      onClick={() => setSelected(new Set())}
                      aria-label={t('insights.clearSelection')}
                      ml="auto"
                    >
                      <IconX size={15} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ) : (
                <Group justify="space-between" style={{ flex: 1 }} wrap="nowrap">
                  <Tooltip
                    label={t('insights.countCapped', { number: number(INSIGHT_COUNT_LIMIT) })}
                    disabled={total.data?.exact !== false}
                    multiline
                    w={280}
                  >
                    <Text size="sm" fw={600} data-testid="insight-count" tabIndex={total.data?.exact === false ? 0 : undefined}>
                      {totalText}
                    </Text>
                  </Tooltip>
                  <Text size="xs" c="dimmed" visibleFrom="lg" truncate>
                    {t('insights.keyboardHint')}
                  </Text>
                </Group>
              )}
            </div>
            {canEdit && moreThanLoaded && (
              <div className={classes.selectAllBanner} data-testid="select-all-banner" role="status">
                {matching ? (
                  <>
                    <Text size="sm">{t('insights.allMatchingSelected', { count: matching.count, number: number(matching.count) })}</Text>
                    <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set())}>
                      {t('insights.clearSelection')}
                    </Button>
                  </>
                ) : matchingCount !== null ? (
                  <>
                    <Text size="sm">{t('insights.allLoadedSelected', { count: items.length, number: number(items.length) })}</Text>
                    <Button size="compact-sm" variant="subtle" onClick={() => setAllMatching(true)} data-testid="select-all-matching">
                      {t('insights.selectAllMatching', { count: matchingCount, number: number(matchingCount) })}
                    </Button>
                  </>
                ) : total.data?.exact === false ? (
                  <Text size="sm">{t('insights.tooManyToSelect', { number: number(INSIGHT_COUNT_LIMIT) })}</Text>
                ) : (
                  <Text size="sm">{t('insights.allLoadedSelected', { count: items.length, number: number(items.length) })}</Text>
                )}
              </div>
            )}
            <InsightList
              key={filterKey}
              ref={list}
              items={items}
              focusedId={focused?.id ?? null}
              selected={selected}
              selectable={canEdit}
              hasMore={insights.hasNextPage}
              loadingMore={insights.isFetchingNextPage}
              onLoadMore={loadMore}
              onOpen={open}
              onToggle={toggle}
            />
          </div>
          {wide ? (
            <div className={classes.detailPane}>{detail}</div>
          ) : (
            <Drawer
              opened={drawerOpen && focused !== undefined}
              onClose={closeDrawer}
              position="right"
              size="100%"
              withCloseButton={false}
              padding={0}
            >
              {detail}
            </Drawer>
          )}
        </div>
      )}

      {canEdit && (
        <NewInsightModal
          workspace={ws}
          opened={search.new === true}
          onClose={() => setSearch({ new: undefined })}
          onCreated={(insight) => {
            setPinnedId(insight.id);
            setFocusedId(insight.id);
          }}
          canCreateCustomer={workspace.can('customer.write')}
          suggestions={tagSuggestions}
        />
      )}
      {canImport && search.import === true && (
        <Suspense fallback={null}>
          <ImportWizard workspace={ws} kind="insights" opened onClose={() => setSearch({ import: undefined })} />
        </Suspense>
      )}
      <LinkFeatureModal workspace={ws} request={linkRequest} onClose={() => setLinkRequest(null)} />
      <TagsModal
        workspace={ws}
        insights={tagTargets}
        matching={tagMatching}
        suggestions={tagSuggestions}
        onClose={() => {
          setTagTargets(null);
          setTagMatching(null);
        }}
      />
    </div>
  );
}
