import { ActionIcon, Card, Group, Select, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/error-message.js';
import { featureObjectivesQuery, useLinkFeatureObjective, useUnlinkFeatureObjective } from '../../api/strategy.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ErrorState } from '../../components/error-state.js';
import { AnchorLink } from '../../components/links.js';
import { ProgressMeter, usePeriodLabel } from '../strategy/okr.js';
import { treeRows, useAllObjectives } from '../strategy/use-objectives.js';
import '../../i18n/strategy.js';

/** The objectives a feature serves, with their progress; people who shape features link or unlink them. */
export function ObjectivesCard({ featureId }: { featureId: string }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const errorMessage = useErrorMessage();
  const periodLabel = usePeriodLabel();
  const canLink = workspace.can('feature.write');
  const linked = useQuery(featureObjectivesQuery(workspace.key, featureId));
  const { items } = useAllObjectives(workspace.key);
  const link = useLinkFeatureObjective(workspace.key);
  const unlink = useUnlinkFeatureObjective(workspace.key);
  const linkedIds = new Set((linked.data ?? []).map((o) => o.id));
  // Objectives still being pursued come first in the picker, shown as in the tree.
  const options = treeRows(items)
    .filter((row) => !linkedIds.has(row.item.id))
    .sort((a, b) => Number(a.item.status !== 'active') - Number(b.item.status !== 'active'))
    .map((row) => ({ value: row.item.id, label: `${'\u2003'.repeat(row.depth - 1)}${row.item.title} · ${periodLabel(row.item.period)}` }));

  return (
    <Card component="section" aria-labelledby="feature-objectives-title">
      <Title order={2} fz="h3" id="feature-objectives-title" mb="md">
        {t('strategy.featureCard.title')}
      </Title>
      {linked.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={36} />
        </Stack>
      ) : linked.isError ? (
        <ErrorState error={linked.error} onRetry={() => void linked.refetch()} />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('strategy.featureCard.title')}>
          {linked.data.length === 0 && (
            <Text size="sm" c="dimmed" component="li">
              {canLink ? t('strategy.featureCard.empty') : t('strategy.featureCard.emptyReader')}
            </Text>
          )}
          {linked.data.map((o) => (
            <Stack key={o.id} gap={4} component="li" data-testid="feature-objective">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <AnchorLink
                  to="/w/$workspace/strategy/$objectiveId"
                  params={{ workspace: workspace.key, objectiveId: o.id }}
                  size="sm"
                  fw={600}
                  style={{ minWidth: 0, overflowWrap: 'anywhere' }}
                >
                  {o.title}
                </AnchorLink>
                {canLink && (
                  <Tooltip label={t('strategy.featureCard.unlink')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('strategy.featureCard.unlinkNamed', { title: o.title })}
                      loading={unlink.isPending && unlink.variables?.objectiveId === o.id}
                      onClick={() =>
                        unlink.mutate(
                          { featureId, objectiveId: o.id },
                          { onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }) },
                        )
                      }
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" c="dimmed">
                  {periodLabel(o.period)}
                </Text>
                <ProgressMeter progress={o.progress} period={o.period} width={80} size="xs" />
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {canLink && (
        <Select
          mt="md"
          label={t('strategy.featureCard.link')}
          placeholder={items.length === 0 ? t('strategy.featureCard.noObjectives') : t('strategy.featureCard.searchPlaceholder')}
          data={options}
          value={null}
          searchable
          disabled={items.length === 0}
          nothingFoundMessage={t('strategy.featureCard.noneFound')}
          onChange={(objectiveId) => {
            if (!objectiveId) return;
            const title = items.find((o) => o.id === objectiveId)?.title ?? '';
            link.mutate(
              { featureId, objectiveId },
              {
                onSuccess: () => notifications.show({ color: 'teal', message: t('strategy.featureCard.linked', { title }) }),
                onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
              },
            );
          }}
          comboboxProps={{ withinPortal: true }}
          data-testid="objective-link-picker"
        />
      )}
    </Card>
  );
}
