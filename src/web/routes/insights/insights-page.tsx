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
import { IMPORTANCE } from '../../../contract/discovery.js';
import { type InsightDto, type InsightStatusValue, insightQuery, insightsQuery } from '../../api/discovery.js';
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
  const { t } = useTranslation();
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

  // Selection, for bulk actions.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another filter, another selection
  useEffect(() => setSelected(new Set()), [filterKey]);
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
    [items],
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

  const setStatus = useCallback(
    (status: InsightStatusValue) => {
      const list = targets();
      if (list.length === 0) return;
      const before = list.map((i) => ({ id: i.id, status: i.status }));
      runBulk(
        list.map((i) => i.id),
        { action: 'set_status', status },
      )
        .then((count) => {
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
        .catch((error: unknown) => notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) }));
    },
    [errorMessage, queryClient, runBulk, t, targets, ws],
  );

  const bulkSet = (body: Omit<InsightBulk, 'ids'>) => {
    const list = targets();
    if (list.length === 0) return;
    runBulk(
      list.map((i) => i.id),
      body,
    )
      .then((count) => notifications.show({ message: t('insights.updated', { count }) }))
      .catch((error: unknown) => notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) }));
  };

  // Dialogs.
  const [linkRequest, setLinkRequest] = useState<LinkRequest | null>(null);
  const [tagTargets, setTagTargets] = useState<InsightDto[] | null>(null);
  const linkState = useRef({ focused, targets });
  linkState.current = { focused, targets };
  // Stable, so the detail pane does not render again for every move of the focus.
  const openLink = useCallback((featureId?: string) => {
    const { focused: current, targets: chosen } = linkState.current;
    const list = featureId && current ? [current] : chosen();
    if (list.length === 0) return;
    setLinkRequest({ insights: list, featureId, highlight: list.length === 1 ? selectedQuote() : undefined });
  }, []);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const openNew = useCallback(() => setSearch({ new: true }), [setSearch]);
  const openImport = useCallback(() => setSearch({ import: true }), [setSearch]);

  // The inbox's keys; "g then a letter" stays the global navigation.
  const keyState = useRef({ lastG: 0 });
  const handlers = useRef({ focusAt, setStatus, openLink, openNew, toggle, focusedIndex, items, focused, targets, selected, insights });
  handlers.current = { focusAt, setStatus, openLink, openNew, toggle, focusedIndex, items, focused, targets, selected, insights };
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
  }, [canEdit, canLink]);

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

  const allSelected = items.length > 0 && selected.size === items.length;

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
                  <Text size="sm" fw={600} mr={4} style={{ whiteSpace: 'nowrap' }}>
                    {t('insights.selected', { count: selected.size })}
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
                    <Button size="compact-sm" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={() => openLink()}>
                      {t('insights.linkToFeature')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconTags size={14} aria-hidden />}
                    onClick={() => setTagTargets(targets())}
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
                  <Text size="sm" fw={600} data-testid="insight-count">
                    {insights.hasNextPage
                      ? t('insights.loadedMore', { count: items.length })
                      : t('insights.loaded', { count: items.length })}
                  </Text>
                  <Text size="xs" c="dimmed" visibleFrom="lg" truncate>
                    {t('insights.keyboardHint')}
                  </Text>
                </Group>
              )}
            </div>
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
      <TagsModal workspace={ws} insights={tagTargets} suggestions={tagSuggestions} onClose={() => setTagTargets(null)} />
    </div>
  );
}
