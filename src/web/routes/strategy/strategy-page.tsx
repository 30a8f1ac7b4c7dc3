import {
  ActionIcon,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Kbd,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarOff, IconChevronDown, IconChevronRight, IconPlus, IconTarget } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Period, periodsOverlap } from '../../../domain/strategy/index.js';
import { productsQuery } from '../../api/queries.js';
import type { ObjectiveDto } from '../../api/strategy.js';
import { useWorkspace } from '../../app/use-workspace.js';
import table from '../../components/data-table.module.css';
import { ErrorState } from '../../components/error-state.js';
import { AnchorLink } from '../../components/links.js';
import { Page, PageHeader } from '../../components/page-header.js';
import { usePageShortcuts } from '../../components/shell/page-shortcuts.js';
import { PersonAvatar } from '../../components/workspace/workspace-avatar.js';
import { ObjectiveFormModal } from './objective-form-modal.js';
import { currentQuarter, localToday, ObjectiveStatusBadge, ProgressMeter, usePeriodLabel } from './okr.js';
import { parsePeriodKey, periodChoices, periodKey } from './period-keys.js';
import type { StrategySearch } from './search-params.js';
import classes from './strategy.module.css';
import { ancestorsOf, treeRows, useAllObjectives, useMemberNames } from './use-objectives.js';

/**
 * The alignment tree: company goals at the top, the objectives that serve them below, each
 * with its period, owner, progress, key results and features. Shows the current quarter
 * (with the half- and full-year goals running in it) unless another period is chosen.
 */
export function StrategyPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = useSearch({ strict: false }) as StrategySearch;
  const navigate = useNavigate();
  const canWrite = workspace.can('strategy.write');
  const periodLabel = usePeriodLabel();
  const today = localToday();
  const { query, items, byId } = useAllObjectives(workspace.key);
  const products = useInfiniteQuery(productsQuery(workspace.key, { archived: 'all' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
  const productName = new Map(productItems.map((p) => [p.id, p.name]));
  const { names } = useMemberNames(workspace.key);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const selected: Period | null = search.period === 'all' ? null : search.period ? parsePeriodKey(search.period) : currentQuarter(today);
  const setSearch = (patch: Partial<StrategySearch>) =>
    void navigate({
      to: '/w/$workspace/strategy',
      params: { workspace: workspace.key },
      search: (prev: StrategySearch) => {
        const next: StrategySearch = { ...prev, ...patch };
        for (const k of Object.keys(next) as (keyof StrategySearch)[]) if (next[k] === undefined) delete next[k];
        return next;
      },
      replace: true,
    });

  // Matching objectives, with the goals they serve shown (dimmed) for context.
  const { rows, matching, context } = useMemo(() => {
    const matches = items.filter(
      (o) => (!selected || periodsOverlap(o.period, selected)) && (!search.product || o.productId === search.product),
    );
    const shown = new Map(matches.map((o) => [o.id, o]));
    const contextIds = new Set<string>();
    for (const o of matches) {
      for (const a of ancestorsOf(byId, o)) {
        if (!shown.has(a.id)) {
          shown.set(a.id, a);
          contextIds.add(a.id);
        }
      }
    }
    return { rows: treeRows([...shown.values()]), matching: matches.length, context: contextIds };
  }, [items, byId, selected, search.product]);
  const hasChildren = useMemo(() => new Set(items.map((o) => o.parentId).filter((id): id is string => id !== null)), [items]);
  const hidden = useMemo(() => {
    const out = new Set<string>();
    for (const row of rows) {
      const parent = row.item.parentId;
      if (parent && (collapsed.has(parent) || out.has(parent))) out.add(row.item.id);
    }
    return out;
  }, [rows, collapsed]);

  useHotkeys([['n', () => canWrite && setSearch({ new: true })]]);
  usePageShortcuts('strategy', {
    title: t('strategy.title'),
    rows: canWrite ? [{ keys: ['n'], label: t('strategy.shortcutNew') }] : [],
  });

  const choices = periodChoices(today);
  const currentKey = periodKey(currentQuarter(today));
  const periodOptions = [
    ...choices.map((p) => ({
      value: periodKey(p),
      label: periodKey(p) === currentKey ? t('strategy.filters.current', { label: periodLabel(p) }) : periodLabel(p),
    })),
    { value: 'all', label: t('strategy.filters.all') },
  ];
  if (selected && !periodOptions.some((o) => o.value === periodKey(selected)))
    periodOptions.splice(-1, 0, { value: periodKey(selected), label: periodLabel(selected) });
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Page>
      <PageHeader
        title={t('strategy.title')}
        description={t('strategy.description')}
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setSearch({ new: true })}
              rightSection={<Kbd size="xs">N</Kbd>}
              data-testid="new-objective"
            >
              {t('strategy.new')}
            </Button>
          )
        }
      />
      {items.length > 0 && (
        <Group gap="sm" mb="md" wrap="wrap">
          <Select
            aria-label={t('strategy.filters.period')}
            data={periodOptions}
            value={search.period ?? currentKey}
            onChange={(value) => setSearch({ period: value === currentKey || !value ? undefined : value })}
            allowDeselect={false}
            w={220}
            comboboxProps={{ withinPortal: true }}
            data-testid="period-filter"
          />
          <Select
            aria-label={t('strategy.filters.product')}
            placeholder={t('strategy.filters.allProducts')}
            data={productItems.map((p) => ({ value: p.id, label: p.name }))}
            value={search.product ?? null}
            onChange={(value) => setSearch({ product: value ?? undefined })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            searchable
            w={220}
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm" c="dimmed" data-testid="objective-count">
            {t('strategy.count', { count: matching })}
          </Text>
        </Group>
      )}

      {query.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={52} radius="md" />
          ))}
        </Stack>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Card py={56}>
          <EmptyState
            icon={<IconTarget size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={t('strategy.emptyTitle')}
            description={canWrite ? t('strategy.emptyBody') : t('strategy.emptyBodyReader')}
            maw={580}
            mx="auto"
          >
            {canWrite && (
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSearch({ new: true })}>
                  {t('strategy.createFirst')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      ) : rows.length === 0 ? (
        <Card py={48}>
          <EmptyState
            icon={<IconCalendarOff size={26} stroke={1.6} aria-hidden />}
            withIndicatorBackground
            title={selected ? t('strategy.noneInPeriod', { label: periodLabel(selected) }) : t('strategy.noneForProduct')}
            description={canWrite ? t('strategy.noneBody') : t('strategy.noneBodyReader')}
          >
            <EmptyState.Actions>
              <Group>
                <Button variant="default" onClick={() => setSearch({ period: 'all', product: undefined })}>
                  {t('strategy.showAll')}
                </Button>
                {canWrite && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSearch({ new: true })}>
                    {t('strategy.new')}
                  </Button>
                )}
              </Group>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table className={table.table} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="objective-tree">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('strategy.colObjective')}</Table.Th>
                <Table.Th w={150} visibleFrom="sm">
                  {t('strategy.colPeriod')}
                </Table.Th>
                <Table.Th w={170} visibleFrom="md">
                  {t('strategy.colOwner')}
                </Table.Th>
                <Table.Th w={150}>{t('strategy.colProgress')}</Table.Th>
                <Table.Th w={70} ta="right">
                  <Tooltip label={t('strategy.colKeyResultsLong')}>
                    <span>{t('strategy.colKeyResults')}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th w={90} ta="right" visibleFrom="sm">
                  {t('strategy.colFeatures')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows
                .filter((row) => !hidden.has(row.item.id))
                .map((row) => (
                  <ObjectiveRow
                    key={row.item.id}
                    objective={row.item}
                    depth={row.depth}
                    parentTitle={row.item.parentId ? byId.get(row.item.parentId)?.title : undefined}
                    isContext={context.has(row.item.id)}
                    expandable={hasChildren.has(row.item.id)}
                    expanded={!collapsed.has(row.item.id)}
                    onToggle={() => toggle(row.item.id)}
                    workspace={workspace.key}
                    ownerName={row.item.ownerId ? names.get(row.item.ownerId) : undefined}
                    productName={row.item.productId ? productName.get(row.item.productId) : undefined}
                  />
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <ObjectiveFormModal
          workspace={workspace.key}
          opened={search.new === true}
          onClose={() => setSearch({ new: undefined })}
          defaults={{ productId: search.product ?? null }}
        />
      )}
    </Page>
  );
}

function ObjectiveRow({
  objective: o,
  depth,
  parentTitle,
  isContext,
  expandable,
  expanded,
  onToggle,
  workspace,
  ownerName,
  productName,
}: {
  objective: ObjectiveDto;
  depth: number;
  parentTitle: string | undefined;
  isContext: boolean;
  expandable: boolean;
  expanded: boolean;
  onToggle: () => void;
  workspace: string;
  ownerName: string | undefined;
  productName: string | undefined;
}) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  return (
    <Table.Tr className={`${classes.row} ${isContext ? classes.context : ''}`} data-testid="objective-row" data-depth={depth}>
      <Table.Td>
        <div className={classes.titleCell} style={{ paddingLeft: (depth - 1) * 22 }}>
          {depth > 1 && <span className={classes.guide} aria-hidden />}
          {expandable ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              className={classes.above}
              onClick={onToggle}
              aria-expanded={expanded}
              aria-label={expanded ? t('strategy.collapse', { title: o.title }) : t('strategy.expand', { title: o.title })}
            >
              {expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
            </ActionIcon>
          ) : (
            depth === 1 && <span style={{ width: 22, flex: 'none' }} aria-hidden />
          )}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <AnchorLink
              to="/w/$workspace/strategy/$objectiveId"
              params={{ workspace, objectiveId: o.id }}
              className={classes.rowLink}
              fw={depth === 1 ? 650 : 600}
              size="sm"
              c="var(--mantine-color-text)"
            >
              {o.title}
              {parentTitle && <VisuallyHidden>{t('strategy.servesParent', { title: parentTitle })}</VisuallyHidden>}
            </AnchorLink>
            <Group gap={4}>
              <Text size="xs" c="dimmed" hiddenFrom="sm" span>
                {periodLabel(o.period)}
              </Text>
              {productName && (
                <Badge size="xs" variant="default" fw={500}>
                  {productName}
                </Badge>
              )}
              {o.status !== 'active' && <ObjectiveStatusBadge status={o.status} size="xs" />}
              {isContext && (
                <Text size="xs" c="dimmed" span>
                  {t('strategy.contextHint')}
                </Text>
              )}
            </Group>
          </Stack>
        </div>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{periodLabel(o.period)}</Text>
      </Table.Td>
      <Table.Td visibleFrom="md">
        {ownerName ? (
          <Group gap={6} wrap="nowrap">
            <PersonAvatar name={ownerName} seed={o.ownerId ?? ''} size={22} />
            <Text size="sm" truncate>
              {ownerName}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <ProgressMeter progress={o.progress} period={o.period} width={72} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" c={o.keyResultCount ? undefined : 'dimmed'}>
          {o.keyResultCount}
        </Text>
      </Table.Td>
      <Table.Td ta="right" visibleFrom="sm">
        <Text size="sm" c={o.featureCount ? undefined : 'dimmed'}>
          {o.featureCount}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
