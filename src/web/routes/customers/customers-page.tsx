import { Badge, Button, Card, Center, EmptyState, Group, Kbd, Loader, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconBuildingStore, IconFileImport, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerDto, customersQuery } from '../../api/discovery.js';
import type { ListSearch } from '../../app/router.js';
import { useWorkspace } from '../../app/use-workspace.js';
import table from '../../components/data-table.module.css';
import { useMoney } from '../../components/discovery/money.js';
import { ErrorState } from '../../components/error-state.js';
import { AnchorLink } from '../../components/links.js';
import { Page, PageHeader } from '../../components/page-header.js';
import rows from '../products/products.module.css';
import { CustomerFormModal } from './customer-form-modal.js';
import '../../i18n/discovery.js';

const ImportWizard = lazy(() => import('../imports/import-wizard.js'));

export function useRevenueText() {
  const { t } = useTranslation();
  const money = useMoney();
  return (c: Pick<CustomerDto, 'revenue' | 'currency' | 'revenuePeriod'>) =>
    c.revenue === null
      ? '—'
      : t('customers.revenueValue', {
          amount: c.currency ? money(c.revenue, c.currency) : String(c.revenue),
          period: c.revenuePeriod === 'year' ? t('customers.perYear') : t('customers.perMonth'),
        });
}

/** The accounts feedback comes from: who they are, what they weigh, how much they said. */
export function CustomersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const canWrite = workspace.can('customer.write');
  const canImport = workspace.can('import.run');
  const revenueText = useRevenueText();
  const searchInput = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(search.q ?? '');
  const [segment, setSegment] = useState(search.segment ?? '');
  const customers = useInfiniteQuery(customersQuery(workspace.key, { q: search.q, segment: search.segment }));
  const items = customers.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(search.q || search.segment);

  const setSearch = (patch: Partial<ListSearch>) =>
    void navigate({
      to: '/w/$workspace/customers',
      params: { workspace: workspace.key },
      search: (prev: ListSearch) => {
        const next: ListSearch = { ...prev, ...patch };
        for (const k of Object.keys(next) as (keyof ListSearch)[]) if (next[k] === undefined) delete next[k];
        return next;
      },
      replace: true,
    });
  const updateQuery = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 250);
  const updateSegment = useDebouncedCallback((value: string) => setSearch({ segment: value.trim() || undefined }), 300);

  useHotkeys([
    ['n', () => canWrite && setSearch({ new: true })],
    ['/', () => searchInput.current?.focus()],
  ]);

  return (
    <Page>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          <>
            {canImport && (
              <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setSearch({ import: true })}>
                {t('customers.import')}
              </Button>
            )}
            {canWrite && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setSearch({ new: true })}
                rightSection={<Kbd size="xs">N</Kbd>}
              >
                {t('customers.new')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <TextInput
          ref={searchInput}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('customers.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            updateQuery(e.currentTarget.value);
          }}
          style={{ flex: 1, minWidth: 220, maxWidth: 360 }}
        />
        <TextInput
          aria-label={t('customers.filterSegment')}
          placeholder={t('customers.allSegments')}
          value={segment}
          onChange={(e) => {
            setSegment(e.currentTarget.value);
            updateSegment(e.currentTarget.value);
          }}
          w={200}
        />
      </Group>

      {customers.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={52} radius="md" />
          ))}
        </Stack>
      ) : customers.isError ? (
        <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <Card py={48}>
            <EmptyState
              icon={<IconFilterOff size={26} stroke={1.6} aria-hidden />}
              withIndicatorBackground
              title={t('customers.noMatchTitle')}
              description={t('customers.noMatchBody')}
            >
              <EmptyState.Actions>
                <Button
                  variant="default"
                  onClick={() => {
                    setQ('');
                    setSegment('');
                    setSearch({ q: undefined, segment: undefined });
                  }}
                >
                  {t('insights.filters.clear')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Card>
        ) : (
          <Card py={56}>
            <EmptyState
              icon={<IconBuildingStore size={28} stroke={1.6} aria-hidden />}
              variant="light"
              title={t('customers.emptyTitle')}
              description={canWrite ? t('customers.emptyBody') : t('customers.emptyBodyReader')}
              maw={560}
              mx="auto"
            >
              {(canWrite || canImport) && (
                <EmptyState.Actions>
                  <Group>
                    {canWrite && (
                      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSearch({ new: true })}>
                        {t('customers.createFirst')}
                      </Button>
                    )}
                    {canImport && (
                      <Button
                        variant="default"
                        leftSection={<IconFileImport size={16} aria-hidden />}
                        onClick={() => setSearch({ import: true })}
                      >
                        {t('insights.importCsv')}
                      </Button>
                    )}
                  </Group>
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Card>
        )
      ) : (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={320}>
            <Table className={table.table} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="customers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customers.colName')}</Table.Th>
                  <Table.Th w={160}>{t('customers.colSegment')}</Table.Th>
                  <Table.Th w={140} visibleFrom="md">
                    {t('customers.colPlan')}
                  </Table.Th>
                  <Table.Th w={180} ta="right" visibleFrom="sm">
                    {t('customers.colRevenue')}
                  </Table.Th>
                  <Table.Th w={100} ta="right">
                    {t('customers.colInsights')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} className={rows.row}>
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspace/customers/$customerId"
                        params={{ workspace: workspace.key, customerId: c.id }}
                        className={rows.rowLink}
                        fw={600}
                        size="sm"
                        c="var(--mantine-color-text)"
                      >
                        {c.name}
                      </AnchorLink>
                      {c.domain && (
                        <Text size="xs" c="dimmed">
                          {c.domain}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.segment ? (
                        <Badge variant="default" fw={500}>
                          {c.segment}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm" c={c.plan ? undefined : 'dimmed'}>
                        {c.plan ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" visibleFrom="sm">
                      <Text size="sm" c={c.revenue === null ? 'dimmed' : undefined}>
                        {revenueText(c)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={c.insightCount ? 650 : 400} c={c.insightCount ? undefined : 'dimmed'}>
                        {c.insightCount}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {customers.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void customers.fetchNextPage()} loading={customers.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Center>
          )}
          {customers.isFetching && !customers.isFetchingNextPage && (
            <Center>
              <Loader size="xs" type="dots" aria-label={t('common.loading')} />
            </Center>
          )}
        </Stack>
      )}
      {canWrite && (
        <CustomerFormModal workspace={workspace.key} opened={search.new === true} onClose={() => setSearch({ new: undefined })} />
      )}
      {canImport && search.import === true && (
        <Suspense fallback={null}>
          <ImportWizard workspace={workspace.key} kind="customers" opened onClose={() => setSearch({ import: undefined })} />
        </Suspense>
      )}
    </Page>
  );
}
