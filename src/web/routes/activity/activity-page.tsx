import { Button, Card, Center, EmptyState, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActivityFilter, activityQuery, membersQuery, productsQuery } from '../../api/queries.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ActivityFeed } from '../../components/activity/activity-feed.js';
import { ErrorState } from '../../components/error-state.js';
import { Page, PageHeader } from '../../components/page-header.js';

type EntityFilter = 'all' | NonNullable<ActivityFilter['entity']>;

/** Everything that changed in the workspace, newest first: the team's shared memory. */
export function ActivityPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [entity, setEntity] = useState<EntityFilter>('all');
  const activity = useInfiniteQuery(activityQuery(workspace.key, entity === 'all' ? {} : { entity }));
  const products = useInfiniteQuery(productsQuery(workspace.key, { archived: 'all' }));
  const members = useQuery(membersQuery(workspace.key));
  const productNames = new Map((products.data?.pages.flatMap((p) => p.items) ?? []).map((p) => [p.id, p.name]));
  const memberNames = new Map((members.data ?? []).map((m) => [m.id, m.name ?? m.email]));
  const entries = activity.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page width={880}>
      <PageHeader title={t('activity.title')} description={t('activity.description')} />
      <SegmentedControl
        mb="md"
        aria-label={t('activity.filter')}
        value={entity}
        onChange={(v) => setEntity(v as EntityFilter)}
        data={[
          { value: 'all', label: t('activity.filterAll') },
          { value: 'product', label: t('activity.filterProducts') },
          { value: 'member', label: t('activity.filterMembers') },
          { value: 'workspace', label: t('activity.filterWorkspace') },
        ]}
      />
      <Card>
        {activity.isPending ? (
          <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} h={40} />
            ))}
          </Stack>
        ) : activity.isError ? (
          <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState
            icon={<IconActivity size={26} stroke={1.6} aria-hidden />}
            withIndicatorBackground
            title={t('activity.emptyTitle')}
            description={t('activity.emptyBody')}
            py="xl"
          />
        ) : (
          <>
            <ActivityFeed
              entries={entries}
              workspace={workspace.key}
              names={{ product: (id) => productNames.get(id), member: (id) => memberNames.get(id) }}
            />
            {activity.hasNextPage && (
              <Center mt="md">
                <Button variant="default" onClick={() => void activity.fetchNextPage()} loading={activity.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              </Center>
            )}
          </>
        )}
      </Card>
      <Text size="xs" c="dimmed" mt="sm" ta="center">
        {t('activity.footnote')}
      </Text>
    </Page>
  );
}
