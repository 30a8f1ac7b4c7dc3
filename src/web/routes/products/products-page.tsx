import { Button, Center, Group, Kbd, Loader, SegmentedControl, Select, Skeleton, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../../../domain/lifecycle.js';
import { productsQuery } from '../../api/queries.js';
import type { ProductsSearch } from '../../app/router.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ErrorState } from '../../components/error-state.js';
import { Page, PageHeader } from '../../components/page-header.js';
import { CreateProductModal } from './create-product-modal.js';
import { ProductsEmpty } from './products-empty.js';
import { ProductsTable } from './products-table.js';

export function ProductsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = useSearch({ strict: false }) as ProductsSearch;
  const navigate = useNavigate();
  const canWrite = workspace.can('product.write');
  const searchInput = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(search.q ?? '');
  const filters = { q: search.q, stage: search.stage, archived: search.archived ?? 'false' } as const;
  const products = useInfiniteQuery(productsQuery(workspace.slug, filters));
  const items = products.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(search.q || search.stage || search.archived);

  const setSearch = (patch: Partial<ProductsSearch>) =>
    void navigate({
      to: '/w/$workspace/products',
      params: { workspace: workspace.key },
      search: (prev: ProductsSearch) => {
        const next: ProductsSearch = { ...prev, ...patch };
        for (const k of Object.keys(next) as (keyof ProductsSearch)[]) if (next[k] === undefined) delete next[k];
        return next;
      },
      replace: true,
    });
  const updateQuery = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 250);
  const openCreate = () => setSearch({ new: true });
  const closeCreate = () => setSearch({ new: undefined });

  useHotkeys([
    ['n', () => canWrite && openCreate()],
    ['/', () => searchInput.current?.focus()],
  ]);

  return (
    <Page>
      <PageHeader
        title={t('products.title')}
        description={t('products.description', { workspace: workspace.name })}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={openCreate} rightSection={<Kbd size="xs">N</Kbd>}>
              {t('products.new')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <TextInput
          ref={searchInput}
          placeholder={t('products.searchPlaceholder')}
          aria-label={t('products.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            updateQuery(e.currentTarget.value);
          }}
          style={{ flex: 1, minWidth: 220, maxWidth: 360 }}
        />
        <Select
          aria-label={t('products.filterStage')}
          placeholder={t('products.allStages')}
          data={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          value={search.stage ?? null}
          onChange={(value) => setSearch({ stage: (value as Stage | null) ?? undefined })}
          clearable
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
        <SegmentedControl
          aria-label={t('products.filterArchived')}
          value={search.archived ?? 'false'}
          onChange={(value) => setSearch({ archived: value === 'false' ? undefined : (value as 'true' | 'all') })}
          data={[
            { value: 'false', label: t('products.showActive') },
            { value: 'true', label: t('products.showArchived') },
            { value: 'all', label: t('products.showAll') },
          ]}
        />
      </Group>

      {products.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={52} radius="md" />
          ))}
        </Stack>
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : items.length === 0 ? (
        <ProductsEmpty
          filtered={filtered}
          canWrite={canWrite}
          onCreate={openCreate}
          onClear={() => {
            setQ('');
            setSearch({ q: undefined, stage: undefined, archived: undefined });
          }}
        />
      ) : (
        <Stack gap="md">
          <ProductsTable workspace={workspace.key} products={items} />
          {products.hasNextPage && (
            <Center>
              <Button variant="default" onClick={() => void products.fetchNextPage()} loading={products.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Center>
          )}
          {products.isFetching && !products.isFetchingNextPage && (
            <Center>
              <Loader size="xs" type="dots" aria-label={t('common.loading')} />
            </Center>
          )}
        </Stack>
      )}
      {canWrite && <CreateProductModal workspace={workspace.key} opened={search.new === true} onClose={closeCreate} />}
    </Page>
  );
}
