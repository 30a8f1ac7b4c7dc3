import { ActionIcon, Button, Card, Center, Group, Select, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSparkles, IconX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { featuresQuery } from '../../api/discovery.js';
import { useErrorMessage } from '../../api/error-message.js';
import { objectiveFeaturesQuery, useLinkFeatureObjective, useUnlinkFeatureObjective } from '../../api/strategy.js';
import { FeatureStatusBadge } from '../../components/discovery/badges.js';
import { ErrorState } from '../../components/error-state.js';
import { AnchorLink } from '../../components/links.js';
import '../../i18n/discovery.js';

/** The features serving an objective, with where each stands; people who shape features link more. */
export function ObjectiveFeaturesCard({ workspace, objectiveId, canLink }: { workspace: string; objectiveId: string; canLink: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const features = useInfiniteQuery(objectiveFeaturesQuery(workspace, objectiveId));
  const link = useLinkFeatureObjective(workspace);
  const unlink = useUnlinkFeatureObjective(workspace);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const candidates = useInfiniteQuery({ ...featuresQuery(workspace, { q: debounced }, 30), enabled: canLink });
  const items = features.data?.pages.flatMap((p) => p.items) ?? [];
  const linked = new Set(items.map((f) => f.id));
  const options = (candidates.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((f) => !linked.has(f.id))
    .map((f) => ({ value: f.id, label: f.title }));

  return (
    <Card component="section" aria-labelledby="objective-features-title">
      <Stack gap={2} mb="md">
        <Title order={2} fz="h3" id="objective-features-title">
          {t('strategy.features.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('strategy.features.hint')}
        </Text>
      </Stack>
      {features.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={28} />
          <Skeleton h={28} />
        </Stack>
      ) : features.isError ? (
        <ErrorState error={features.error} onRetry={() => void features.refetch()} />
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('strategy.features.title')}>
          {items.length === 0 && (
            <Text size="sm" c="dimmed" component="li">
              {canLink ? t('strategy.features.empty') : t('strategy.features.emptyReader')}
            </Text>
          )}
          {items.map((f) => (
            <Group key={f.id} component="li" justify="space-between" wrap="nowrap" gap="xs" data-testid="objective-feature">
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconSparkles size={15} stroke={1.7} aria-hidden style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
                <AnchorLink
                  to="/w/$workspace/features/$featureId"
                  params={{ workspace, featureId: f.id }}
                  size="sm"
                  fw={550}
                  truncate
                  style={{ minWidth: 0 }}
                >
                  {f.title}
                </AnchorLink>
              </Group>
              <Group gap={4} wrap="nowrap">
                <FeatureStatusBadge status={f.status} style={{ flex: 'none' }} />
                {canLink && (
                  <Tooltip label={t('strategy.features.unlink')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('strategy.features.unlinkNamed', { title: f.title })}
                      loading={unlink.isPending && unlink.variables?.featureId === f.id}
                      onClick={() =>
                        unlink.mutate(
                          { featureId: f.id, objectiveId },
                          { onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }) },
                        )
                      }
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {features.hasNextPage && (
        <Center mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => void features.fetchNextPage()} loading={features.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      {canLink && (
        <Select
          mt="md"
          label={t('strategy.features.link')}
          placeholder={t('strategy.features.searchPlaceholder')}
          data={options}
          value={null}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('strategy.features.noneFound')}
          onChange={(featureId) => {
            if (!featureId) return;
            const title = options.find((o) => o.value === featureId)?.label ?? '';
            setSearch('');
            link.mutate(
              { featureId, objectiveId },
              {
                onSuccess: () => notifications.show({ color: 'teal', message: t('strategy.features.linked', { title }) }),
                onError: (error) =>
                  notifications.show({
                    color: isApiError(error, 'conflict') ? 'orange' : 'red',
                    message: errorMessage(error),
                  }),
              },
            );
          }}
          comboboxProps={{ withinPortal: true }}
          data-testid="feature-link-picker"
        />
      )}
    </Card>
  );
}
