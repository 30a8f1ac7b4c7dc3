import {
  Badge,
  Button,
  Card,
  Center,
  EmptyState,
  Group,
  Kbd,
  Loader,
  MultiSelect,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconBulb, IconFilterOff, IconPlus, IconSearch, IconSparkles } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEATURE_STATUSES } from '../../../contract/discovery.js';
import { featuresQuery } from '../../api/discovery.js';
import { productsQuery } from '../../api/queries.js';
import type { ListSearch } from '../../app/router.js';
import { useWorkspace } from '../../app/use-workspace.js';
import table from '../../components/data-table.module.css';
import { FeatureStatusBadge } from '../../components/discovery/badges.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { Page, PageHeader } from '../../components/page-header.js';
import rows from '../products/products.module.css';
import { CreateFeatureModal } from './create-feature-modal.js';
import { useOwners } from './owners.js';
import '../../i18n/discovery.js';

/** Every feature (idea) of the workspace with its evidence: insights and distinct customers. */
export function FeaturesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const workspace = useWorkspace();
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const canWrite = workspace.can('feature.write');
  const searchInput = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(search.q ?? '');
  const features = useInfiniteQuery(featuresQuery(workspace.key, { q: search.q, status: search.status, ownerId: search.owner }));
  const owners = useOwners(workspace.key);
  const chosenOwners = search.owner ? search.owner.split(',') : [];
  const products = useInfiniteQuery(productsQuery(workspace.key, { archived: 'all' }));
  const productName = new Map((products.data?.pages.flatMap((p) => p.items) ?? []).map((p) => [p.id, p.name]));
  const items = features.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(search.q || search.status || search.owner);

  const setSearch = (patch: Partial<ListSearch>) =>
    void navigate({
      to: '/w/$workspace/features',
      params: { workspace: workspace.key },
      search: (prev: ListSearch) => {
        const next: ListSearch = { ...prev, ...patch };
        for (const k of Object.keys(next) as (keyof ListSearch)[]) if (next[k] === undefined) delete next[k];
        return next;
      },
      replace: true,
    });
  const updateQuery = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 250);

  useHotkeys([
    ['n', () => canWrite && setSearch({ new: true })],
    ['/', () => searchInput.current?.focus()],
  ]);

  return (
    <Page>
      <PageHeader
        title={t('features.title')}
        description={t('features.description')}
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setSearch({ new: true })}
              rightSection={<Kbd size="xs">N</Kbd>}
            >
              {t('features.new')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <TextInput
          ref={searchInput}
          placeholder={t('features.searchPlaceholder')}
          aria-label={t('features.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            updateQuery(e.currentTarget.value);
          }}
          style={{ flex: 1, minWidth: 220, maxWidth: 360 }}
        />
        <Select
          aria-label={t('features.filterStatus')}
          placeholder={t('features.allStatuses')}
          data={FEATURE_STATUSES.map((s) => ({ value: s, label: t(`discovery.featureStatuses.${s}`) }))}
          value={search.status && !search.status.includes(',') ? search.status : null}
          onChange={(value) => setSearch({ status: value ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          aria-label={t('features.filterOwner')}
          placeholder={chosenOwners.length ? undefined : t('features.anyOwner')}
          data={[
            { value: 'none', label: t('features.noOwner') },
            ...owners.active,
            // An owner in the URL who is no longer a member stays removable.
            ...chosenOwners
              .filter((id) => id !== 'none' && !owners.active.some((o) => o.value === id))
              .map((id) => ({ value: id, label: owners.nameOf(id) ?? t('features.formerMember') })),
          ]}
          value={chosenOwners}
          onChange={(value) => setSearch({ owner: value.length ? value.join(',') : undefined })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          nothingFoundMessage={t('features.noMemberFound')}
          maxValues={20}
          disabled={owners.isPending}
          error={owners.isError ? t('features.ownersUnavailable') : undefined}
          miw={200}
          maw={420}
          // Chosen owners and the search stay on one line while they fit.
          styles={{ inputField: { minWidth: 48 } }}
          comboboxProps={{ withinPortal: true }}
          data-testid="owner-filter"
        />
      </Group>

      {features.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={52} radius="md" />
          ))}
        </Stack>
      ) : features.isError ? (
        <ErrorState error={features.error} onRetry={() => void features.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <Card py={48}>
            <EmptyState
              icon={<IconFilterOff size={26} stroke={1.6} aria-hidden />}
              withIndicatorBackground
              title={t('features.noMatchTitle')}
              description={t('features.noMatchBody')}
            >
              <EmptyState.Actions>
                <Button
                  variant="default"
                  onClick={() => {
                    setQ('');
                    setSearch({ q: undefined, status: undefined, owner: undefined });
                  }}
                >
                  {t('features.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Card>
        ) : (
          <Card py={56}>
            <EmptyState
              icon={<IconSparkles size={28} stroke={1.6} aria-hidden />}
              variant="light"
              title={t('features.emptyTitle')}
              description={canWrite ? t('features.emptyBody') : t('features.emptyBodyReader')}
              maw={560}
              mx="auto"
            >
              <EmptyState.Actions>
                <Group>
                  {canWrite && (
                    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSearch({ new: true })}>
                      {t('features.createFirst')}
                    </Button>
                  )}
                  <ButtonLink
                    to="/w/$workspace/insights"
                    params={{ workspace: workspace.key }}
                    variant="default"
                    leftSection={<IconBulb size={16} aria-hidden />}
                  >
                    {t('features.goToInbox')}
                  </ButtonLink>
                </Group>
              </EmptyState.Actions>
            </EmptyState>
          </Card>
        )
      ) : (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={320}>
            <Table className={table.table} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="features-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('features.colTitle')}</Table.Th>
                  <Table.Th w={140}>{t('features.colStatus')}</Table.Th>
                  <Table.Th w={100} ta="right">
                    {t('features.colInsights')}
                  </Table.Th>
                  <Table.Th w={100} ta="right" visibleFrom="sm">
                    {t('features.colCustomers')}
                  </Table.Th>
                  <Table.Th w={160} visibleFrom="md">
                    {t('features.colOwner')}
                  </Table.Th>
                  <Table.Th w={160} visibleFrom="md">
                    {t('features.colProduct')}
                  </Table.Th>
                  <Table.Th w={140} visibleFrom="lg">
                    {t('features.colUpdated')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id} className={rows.row}>
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspace/features/$featureId"
                        params={{ workspace: workspace.key, featureId: f.id }}
                        className={rows.rowLink}
                        fw={600}
                        size="sm"
                        c="var(--mantine-color-text)"
                      >
                        {f.title}
                      </AnchorLink>
                      {f.tags.length > 0 && (
                        <Group gap={4} mt={4}>
                          {f.tags.slice(0, 4).map((tag) => (
                            <Badge key={tag} size="xs" variant="default" fw={500}>
                              {tag}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <FeatureStatusBadge status={f.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={f.insightCount ? 650 : 400} c={f.insightCount ? undefined : 'dimmed'}>
                        {f.insightCount}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" visibleFrom="sm">
                      <Text size="sm" c={f.customerCount ? undefined : 'dimmed'}>
                        {f.customerCount}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md" data-testid="feature-owner-cell">
                      <Text size="sm" c={f.ownerId ? undefined : 'dimmed'} truncate>
                        {f.ownerId ? (owners.nameOf(f.ownerId) ?? t('features.formerMember')) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm" c={f.productId ? undefined : 'dimmed'} truncate>
                        {(f.productId && productName.get(f.productId)) || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Tooltip label={format.dateTime(f.updatedAt)}>
                        <Text size="sm" c="dimmed" className={rows.above} span>
                          {format.relative(f.updatedAt)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {features.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void features.fetchNextPage()} loading={features.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Center>
          )}
          {features.isFetching && !features.isFetchingNextPage && (
            <Center>
              <Loader size="xs" type="dots" aria-label={t('common.loading')} />
            </Center>
          )}
        </Stack>
      )}
      {canWrite && (
        <CreateFeatureModal workspace={workspace.key} opened={search.new === true} onClose={() => setSearch({ new: undefined })} />
      )}
    </Page>
  );
}
