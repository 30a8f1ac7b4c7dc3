import { Alert, Breadcrumbs, Button, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { useUpdateProduct } from '../../../api/product-mutations.js';
import { productQuery } from '../../../api/queries.js';
import { useWorkspace } from '../../../app/use-workspace.js';
import { ErrorState } from '../../../components/error-state.js';
import { AnchorLink } from '../../../components/links.js';
import { Page } from '../../../components/page-header.js';
import { NotFoundPage } from '../../../components/route-error.js';
import { useDocumentTitle } from '../../../components/use-document-title.js';
import { ChecklistCard } from './checklist-card.js';
import { FrameworksCard } from './frameworks-card.js';
import { LifecycleCard } from './lifecycle-card.js';
import { ProductActivityCard } from './product-activity-card.js';
import { ProductHeader } from './product-header.js';
import { SegmentsCard } from './segments-card.js';
import { StageHistoryCard } from './stage-history-card.js';
import { VisionCard } from './vision-card.js';

/** One product: its vision, who it is for, where it is in its life, and what happened to it. */
export function ProductPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { productId } = useParams({ strict: false }) as { productId: string };
  const product = useQuery(productQuery(workspace.key, productId));
  const update = useUpdateProduct(workspace.key, productId);
  useDocumentTitle(product.data?.name, workspace.name);

  if (product.isPending) {
    return (
      <Page>
        <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={14} w={160} />
          <Skeleton h={30} w={320} />
          <Skeleton h={96} radius="lg" mt="md" />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Skeleton h={220} radius="lg" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Skeleton h={220} radius="lg" />
            </Grid.Col>
          </Grid>
        </Stack>
      </Page>
    );
  }
  if (product.isError) {
    if (isApiError(product.error) && product.error.status === 404) return <NotFoundPage />;
    return (
      <Page>
        <ErrorState error={product.error} onRetry={() => void product.refetch()} />
      </Page>
    );
  }

  const p = product.data;
  const canWrite = workspace.can('product.write');
  return (
    <Page width={1200}>
      <Breadcrumbs mb="sm" separatorMargin={6}>
        <AnchorLink to="/w/$workspace/products" params={{ workspace: workspace.key }} size="sm" c="dimmed">
          {t('products.title')}
        </AnchorLink>
        <Text size="sm" c="dimmed" truncate maw={360}>
          {p.name}
        </Text>
      </Breadcrumbs>
      <ProductHeader product={p} workspace={workspace.key} canWrite={canWrite} update={update} />
      {p.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} aria-hidden />} mb="lg" title={t('product.archivedTitle')}>
          <Text size="sm">{t('product.archivedBody')}</Text>
          {canWrite && (
            <Button size="xs" variant="default" mt="sm" onClick={() => update.mutate({ patch: { archived: false }, optimistic: true })}>
              {t('product.restore')}
            </Button>
          )}
        </Alert>
      )}
      <Stack gap="lg">
        <LifecycleCard product={p} workspace={workspace.key} canStage={workspace.can('product.stage')} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            <Stack gap="lg">
              <VisionCard product={p} canWrite={canWrite} update={update} />
              <SegmentsCard product={p} canWrite={canWrite} update={update} />
              <ProductActivityCard product={p} workspace={workspace.key} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <Stack gap="lg">
              <FrameworksCard product={p} workspace={workspace.key} canWrite={canWrite} update={update} />
              <ChecklistCard product={p} canWrite={canWrite} update={update} />
              <StageHistoryCard product={p} workspace={workspace.key} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Page>
  );
}
