import { Button, Card, Center, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { activityQuery, type ProductDto } from '../../../api/queries.js';
import { ActivityFeed } from '../../../components/activity/activity-feed.js';
import { ErrorState } from '../../../components/error-state.js';

/** The product's own change log, newest first. */
export function ProductActivityCard({ product, workspace }: { product: ProductDto; workspace: string }) {
  const { t } = useTranslation();
  const activity = useInfiniteQuery(activityQuery(workspace, { entity: 'product', id: product.id }));
  const entries = activity.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card component="section" aria-labelledby="product-activity-title">
      <Title order={2} fz="h3" id="product-activity-title" mb="md">
        {t('product.activity')}
      </Title>
      {activity.isPending ? (
        <Stack gap="sm">
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activity.empty')}
        </Text>
      ) : (
        <>
          <ActivityFeed entries={entries} />
          {activity.hasNextPage && (
            <Center mt="sm">
              <Button variant="subtle" size="xs" onClick={() => void activity.fetchNextPage()} loading={activity.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
    </Card>
  );
}
