import { Alert, Button, Card, Drawer, EmptyState, Group, Kbd, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustments, IconArrowsDiff, IconFilterOff, IconGitMerge, IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoresPatch } from '../../../domain/scoring/feature-scores.js';
import type { FrameworkKey } from '../../../domain/scoring/index.js';
import type { FeatureDto } from '../../api/discovery.js';
import { useErrorMessage } from '../../api/error-message.js';
import { productQuery, productsQuery } from '../../api/queries.js';
import { applyFeature, RANKED_MAX, rankedFeaturesQuery, saveScores, scoringQuery } from '../../api/scoring.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ErrorState } from '../../components/error-state.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { ExplanationPanel } from '../../components/score/explanation-panel.js';
import { customFormula, editableFields, fieldValue, orderedFrameworks, preferredFrameworks } from '../../components/score/frameworks.js';
import { KanoSurveyDrawer } from '../../components/score/kano-survey.js';
import { useScoreLabels } from '../../components/score/labels.js';
import { domainSettings } from '../../components/score/live-scores.js';
import { useScoreDrafts } from '../../components/score/score-drafts.js';
import { usePageShortcuts } from '../../components/shell/page-shortcuts.js';
import { dialogOpen, isTyping } from '../../components/shell/shortcuts.js';
import { CompareModal } from './compare-modal.js';
import { MoscowShare } from './moscow-share.js';
import classes from './prioritisation.module.css';
import { RankedTable, type RankedTableHandle } from './ranked-table.js';
import { rankFeatures, ScoreCache } from './ranking.js';
import type { PrioritiseSearch } from './search-params.js';
import { Toolbar } from './toolbar.js';
import '../../i18n/discovery.js';
import '../../i18n/prioritisation.js';

// recharts is heavy: the 2×2 loads with the value/effort tab.
const ValueEffortChart = lazy(() => import('./value-effort-chart.js'));

const COMPARE_MAX = 3;

/**
 * Features ranked by the chosen framework. Typing in an input re-scores the row with the
 * domain's `scoreFeature` (the function the server stores scores with) and re-ranks the
 * table at once; the edit is saved a moment later with the row's version.
 */
export function PrioritisationPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const ws = workspace.key;
  const search = useSearch({ strict: false }) as PrioritiseSearch;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useScoreLabels();
  const errorMessage = useErrorMessage();
  const canWrite = workspace.can('feature.write');
  const table = useRef<RankedTableHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(search.q ?? '');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const [surveyId, setSurveyId] = useState<string | null>(null);

  const scoring = useQuery(scoringQuery(ws));
  const settings = useMemo(() => (scoring.data ? domainSettings(scoring.data) : null), [scoring.data]);
  const products = useInfiniteQuery(productsQuery(ws, { archived: 'false' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
  // The filtered product itself (it may be archived, or past the first page of the list).
  const product = useQuery({ ...productQuery(ws, search.product ?? ''), enabled: Boolean(search.product) });
  const productPending = Boolean(search.product) && product.isPending;
  const preferred = preferredFrameworks(search.product ? product.data : null, settings);
  const preferredKey = preferred.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list is compared by value
  const frameworks = useMemo(() => orderedFrameworks(preferred), [preferredKey]);
  const productKey = productItems.map((p) => `${p.id}:${p.name}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are compared by value
  const productOptions = useMemo(() => productItems.map((p) => ({ value: p.id, label: p.name })), [productKey]);
  const framework: FrameworkKey = search.framework ?? preferred[0] ?? 'rice';

  const list = useInfiniteQuery({
    ...rankedFeaturesQuery(ws, { framework, productId: search.product, status: search.status, q: search.q }),
    // Until the product's frameworks are known, the framework to rank by is not.
    enabled: settings !== null && !productPending,
    // Another framework: the rows already loaded are re-ranked here at once while the server's order arrives.
    placeholderData: keepPreviousData,
  });
  // The table holds the whole selection (up to RANKED_MAX), so it can re-rank every row in the browser.
  useEffect(() => {
    if (list.hasNextPage && !list.isFetchingNextPage && !list.isError) void list.fetchNextPage();
  }, [list.hasNextPage, list.isFetchingNextPage, list.isError, list.fetchNextPage]);
  const features = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const { store, snapshot } = useScoreDrafts({
    save: (id, version, patch) => saveScores(ws, id, version, patch),
    onSaved: (feature) => applyFeature(queryClient, ws, feature),
    settings: () => settingsRef.current!,
  });

  const cache = useRef(new ScoreCache());
  const rows = useMemo(
    () => (settings ? rankFeatures(features, snapshot.drafts, settings, framework, cache.current) : []),
    [features, snapshot.drafts, settings, framework],
  );
  // Keystroke → re-ranked table in the page, measured with the User Timing API (see the README).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the re-ranked rows are in the page
  useLayoutEffect(() => {
    if (performance.getEntriesByName('cairn:score-edit', 'mark').length === 0) return;
    performance.measure('cairn:rerank', 'cairn:score-edit');
    performance.clearMarks('cairn:score-edit');
  }, [rows]);

  const byId = useMemo(() => new Map(rows.map((r) => [r.feature.id, r])), [rows]);
  const onEdit = useCallback(
    (feature: FeatureDto, patch: ScoresPatch, key: string) => {
      performance.mark('cairn:score-edit');
      setEditing(key);
      setFocusedId(feature.id);
      store.edit(feature, patch);
    },
    [store],
  );
  const onFocusRow = useCallback((id: string) => setFocusedId(id), []);
  const onToggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else if (next.size < COMPARE_MAX) next.add(id);
      return next;
    });
  }, []);

  const setSearch = (patch: Partial<PrioritiseSearch>) =>
    void navigate({
      to: '/w/$workspace/prioritise',
      params: { workspace: ws },
      search: (prev: PrioritiseSearch) => {
        const next: PrioritiseSearch = { ...prev, ...patch };
        for (const k of Object.keys(next) as (keyof PrioritiseSearch)[]) if (next[k] === undefined) delete next[k];
        return next;
      },
      replace: true,
    });
  const updateQuery = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 250);
  // Stable identities, so the toolbar does not re-render on every keystroke in the table.
  const searchRef = useRef(setSearch);
  searchRef.current = setSearch;
  const onSearch = useCallback((patch: Partial<PrioritiseSearch>) => searchRef.current(patch), []);
  const queryRef = useRef(updateQuery);
  queryRef.current = updateQuery;
  const onQuery = useCallback((value: string) => {
    setQ(value);
    queryRef.current(value);
  }, []);
  const explainRef = useRef((id: string) => setSearch({ explain: id }));
  explainRef.current = (id: string) => setSearch({ explain: id });
  const onExplain = useCallback((id: string) => explainRef.current(id), []);
  const onSurvey = useCallback((id: string) => setSurveyId(id), []);
  const onFlush = useCallback((id: string) => void store.flush(id), [store]);
  const onRetry = useCallback((id: string) => store.retry(id), [store]);

  // Keyboard: j/k move, x selects, c compares, e explains, Enter opens, / filters, 1–7 switch framework.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const state = useRef({ focusedId, selected, frameworks });
  state.current = { focusedId, selected, frameworks };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || dialogOpen()) return;
      const list = rowsRef.current;
      const { focusedId: current, selected: chosen, frameworks: order } = state.current;
      const index = current ? list.findIndex((r) => r.feature.id === current) : -1;
      const move = (to: number) => {
        const row = list[Math.max(0, Math.min(list.length - 1, to))];
        if (!row) return;
        setFocusedId(row.feature.id);
        table.current?.reveal(list.indexOf(row));
      };
      const key = event.key;
      if (key === 'j' || key === 'ArrowDown') move(index + 1);
      else if (key === 'k' || key === 'ArrowUp') move(index < 0 ? 0 : index - 1);
      else if (key === 'x' && current) onToggle(current);
      else if (key === 'c' && chosen.size >= 2) setComparing(true);
      else if (key === 'e' && current) explainRef.current(current);
      else if (key === 'Enter' && current)
        void navigate({ to: '/w/$workspace/features/$featureId', params: { workspace: ws, featureId: current } });
      else if (key === '/') searchInput.current?.focus();
      else if (/^[1-7]$/.test(key)) {
        const next = order[Number(key) - 1];
        if (next) setSearch({ framework: next });
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  usePageShortcuts('prioritise', {
    title: t('prioritise.shortcuts.title'),
    rows: [
      { keys: ['j', 'k'], label: t('prioritise.shortcuts.move') },
      { keys: ['x'], label: t('prioritise.shortcuts.select') },
      { keys: ['c'], label: t('prioritise.shortcuts.compare') },
      { keys: ['e'], label: t('prioritise.shortcuts.explain') },
      { keys: ['Enter'], label: t('prioritise.shortcuts.open') },
      { keys: ['/'], label: t('prioritise.shortcuts.filter') },
      { keys: ['1…7'], label: t('prioritise.shortcuts.framework') },
      { keys: ['Esc'], label: t('prioritise.shortcuts.leave') },
    ],
  });

  const filtered = Boolean(search.q || search.status || search.product);
  const scoredCount = rows.filter((r) => r.sort !== null).length;
  const explained = search.explain ? byId.get(search.explain) : undefined;
  const surveyRow = surveyId ? byId.get(surveyId) : undefined;
  const conflicts = [...snapshot.status.entries()].filter(([, s]) => s.state === 'conflict');
  const compareItems = [...selected].flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ feature: row.feature, scores: row.scores }] : [];
  });
  const chartPoints = useMemo(
    () =>
      framework === 'valueEffort'
        ? rows.flatMap((r) =>
            r.scores.valueEffort.value !== null && r.scores.valueEffort.effort !== null
              ? [{ id: r.feature.id, title: r.feature.title, value: r.scores.valueEffort.value, effort: r.scores.valueEffort.effort }]
              : [],
          )
        : [],
    [rows, framework],
  );
  const custom = useMemo(() => (settings ? customFormula(settings) : null), [settings]);

  // Memoised with what it shows, so typing in the table does not redraw the page's header.
  const header = useMemo(
    () => (
      <PageHeader
        title={t('prioritise.title')}
        description={t('prioritise.description')}
        actions={
          <>
            <Tooltip label={selected.size < 2 ? t('prioritise.compareHint') : t('prioritise.shortcuts.compare')} withinPortal>
              <Button
                variant="default"
                leftSection={<IconArrowsDiff size={16} aria-hidden />}
                rightSection={<Kbd size="xs">C</Kbd>}
                disabled={selected.size < 2}
                onClick={() => setComparing(true)}
                data-testid="compare-button"
              >
                {selected.size > 0 ? t('prioritise.compareCount', { count: selected.size }) : t('prioritise.compare')}
              </Button>
            </Tooltip>
            <ButtonLink
              to="/w/$workspace/settings/scoring"
              params={{ workspace: ws }}
              variant="default"
              leftSection={<IconAdjustments size={16} aria-hidden />}
            >
              {t('prioritise.settingsLink')}
            </ButtonLink>
          </>
        }
      />
    ),
    [selected.size, ws, t],
  );

  return (
    <div className={classes.layout}>
      {header}
      <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
        <Toolbar
          framework={framework}
          frameworks={frameworks}
          settings={settings}
          labels={labels}
          custom={custom}
          q={q}
          onQuery={onQuery}
          searchInput={searchInput}
          products={productOptions}
          product={search.product}
          status={search.status}
          onSearch={onSearch}
          scored={scoredCount}
          total={rows.length}
          fetching={list.isFetching}
        />

        {!canWrite && (
          <Text size="sm" c="dimmed">
            {t('prioritise.readOnly')}
          </Text>
        )}

        {conflicts.map(([id, status]) => {
          const row = byId.get(id);
          const theirs = status.current;
          if (!row || !theirs) return null;
          const values = editableFields(framework, settings!)
            .map(
              (spec) =>
                `${labels.field(framework, spec.name)} ${fieldValue(framework, theirs.scores as typeof row.scores, spec.name) ?? '—'}`,
            )
            .join(', ');
          return (
            <Alert
              key={id}
              color="orange"
              variant="light"
              icon={<IconGitMerge size={18} aria-hidden />}
              title={`${t('prioritise.save.conflictTitle')}: ${row.feature.title}`}
              data-testid="score-conflict"
            >
              <Text size="sm">{t('prioritise.save.conflictBody', { values })}</Text>
              <Group gap="xs" mt="sm">
                <Button size="xs" color="orange" onClick={() => store.keepMine(id)}>
                  {t('prioritise.save.keepMine')}
                </Button>
                <Button size="xs" variant="white" color="orange" onClick={() => store.takeTheirs(id)}>
                  {t('prioritise.save.takeTheirs')}
                </Button>
              </Group>
            </Alert>
          );
        })}
        {[...snapshot.status.entries()]
          .filter(([, s]) => s.state === 'error')
          .slice(0, 1)
          .map(([id, s]) => (
            <Alert key={id} color="red" variant="light" title={`${t('prioritise.save.error')}: ${byId.get(id)?.feature.title ?? ''}`}>
              <Group justify="space-between">
                <Text size="sm">{errorMessage(s.error)}</Text>
                <Button size="xs" variant="white" color="red" onClick={() => store.retry(id)}>
                  {t('prioritise.save.retry')}
                </Button>
              </Group>
            </Alert>
          ))}

        {scoring.isError ? (
          <ErrorState error={scoring.error} onRetry={() => void scoring.refetch()} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !settings || list.isPending ? (
          <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} h={44} radius="md" />
            ))}
          </Stack>
        ) : rows.length === 0 ? (
          filtered ? (
            <Card py={48}>
              <EmptyState
                icon={<IconFilterOff size={26} stroke={1.6} aria-hidden />}
                withIndicatorBackground
                title={t('prioritise.noMatchTitle')}
                description={t('prioritise.noMatchBody')}
              >
                <EmptyState.Actions>
                  <Button
                    variant="default"
                    onClick={() => {
                      setQ('');
                      setSearch({ q: undefined, status: undefined, product: undefined });
                    }}
                  >
                    {t('prioritise.clearFilters')}
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            </Card>
          ) : (
            <Card py={56}>
              <EmptyState
                icon={<IconSparkles size={28} stroke={1.6} aria-hidden />}
                variant="light"
                title={t('prioritise.emptyTitle')}
                description={t('prioritise.emptyNoFeatures')}
                maw={560}
                mx="auto"
              >
                <EmptyState.Actions>
                  <ButtonLink to="/w/$workspace/features" params={{ workspace: ws }} search={canWrite ? { new: true } : {}}>
                    {t('prioritise.goToFeatures')}
                  </ButtonLink>
                </EmptyState.Actions>
              </EmptyState>
            </Card>
          )
        ) : (
          <>
            {scoredCount === 0 && framework !== 'custom' && (
              <Alert
                color="cairn"
                variant="light"
                icon={<IconInfoCircle size={18} aria-hidden />}
                title={t('prioritise.emptyTitle')}
                data-testid="not-scored-hint"
              >
                <Text size="sm">
                  {t('prioritise.emptyBody', { about: `${labels.framework(framework)}: ${labels.frameworkAbout(framework)}` })}
                </Text>
              </Alert>
            )}
            {framework === 'custom' && !custom && (
              <Alert color="cairn" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="custom-not-set-up">
                <Group justify="space-between">
                  <Text size="sm">{t('prioritise.custom.notSetUp')}</Text>
                  <ButtonLink to="/w/$workspace/settings/scoring" params={{ workspace: ws }} size="xs" variant="white">
                    {t('prioritise.custom.setUp')}
                  </ButtonLink>
                </Group>
              </Alert>
            )}
            {framework === 'moscow' && settings && <MoscowShare rows={rows} limit={settings.moscowLimit} labels={labels} />}
            {framework === 'valueEffort' && settings && (
              <Card padding="md" radius="lg" withBorder>
                <Text fw={650} mb="xs">
                  {t('prioritise.chart.title')}
                </Text>
                {chartPoints.length === 0 ? (
                  <Text size="sm" c="dimmed" py="lg">
                    {t('prioritise.chart.empty')}
                  </Text>
                ) : (
                  <Suspense fallback={<Skeleton h={460} radius="md" />}>
                    <ValueEffortChart
                      points={chartPoints}
                      midpoint={settings.valueEffortMidpoint}
                      canEdit={canWrite}
                      onOpen={(id) => void navigate({ to: '/w/$workspace/features/$featureId', params: { workspace: ws, featureId: id } })}
                      onMove={(id, value, effort) => {
                        const row = byId.get(id);
                        if (row) onEdit(row.feature, { valueEffort: { value, effort } }, `${id}:value`);
                      }}
                    />
                  </Suspense>
                )}
                {chartPoints.length > 0 && chartPoints.length < rows.length && (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('prioritise.chart.unplaced', { count: rows.length - chartPoints.length })}
                  </Text>
                )}
              </Card>
            )}
            <RankedTable
              ref={table}
              workspace={ws}
              rows={rows}
              framework={framework}
              settings={settings}
              labels={labels}
              canWrite={canWrite}
              status={snapshot.status}
              selected={selected}
              focusedId={focusedId}
              editing={editing}
              onEdit={onEdit}
              onFlush={onFlush}
              onExplain={onExplain}
              onToggle={onToggle}
              onFocusRow={onFocusRow}
              onSurvey={onSurvey}
              onRetry={onRetry}
            />
            {features.length >= RANKED_MAX && (
              <Text size="xs" c="dimmed">
                {t('prioritise.truncated', { count: RANKED_MAX })}
              </Text>
            )}
            {list.hasNextPage && (
              <Text size="xs" c="dimmed">
                {t('prioritise.loadingMore')}
              </Text>
            )}
          </>
        )}
      </Stack>

      {/* Mounted only while open: typing in the table re-renders the rows, not closed overlays. */}
      {search.explain && (
        <Drawer
          opened
          onClose={() => setSearch({ explain: undefined })}
          position="right"
          size="md"
          title={
            <Text fw={650} lineClamp={2}>
              {explained ? `${t('prioritise.explanation.title')} — ${explained.feature.title}` : t('prioritise.explanation.title')}
            </Text>
          }
        >
          {explained && settings ? (
            <Stack gap="lg">
              <ExplanationPanel
                workspace={ws}
                feature={explained.feature}
                framework={framework}
                scores={explained.scores}
                draft={snapshot.drafts.get(explained.feature.id)}
                settings={settings}
                labels={labels}
              />
              <ButtonLink
                to="/w/$workspace/features/$featureId"
                params={{ workspace: ws, featureId: explained.feature.id }}
                variant="default"
              >
                {t('prioritise.openFeature')}
              </ButtonLink>
            </Stack>
          ) : (
            <Skeleton h={240} />
          )}
        </Drawer>
      )}

      {surveyRow && settings && (
        <KanoSurveyDrawer
          opened={surveyId !== null}
          onClose={() => setSurveyId(null)}
          title={surveyRow.feature.title}
          scores={surveyRow.scores}
          labels={labels}
          canWrite={canWrite}
          onSave={(kano) => onEdit(surveyRow.feature, { kano }, `${surveyRow.feature.id}:category`)}
        />
      )}
      {settings && comparing && (
        <CompareModal
          items={compareItems}
          opened={comparing && compareItems.length >= 2}
          onClose={() => setComparing(false)}
          settings={settings}
          labels={labels}
          frameworks={frameworks}
        />
      )}
    </div>
  );
}
