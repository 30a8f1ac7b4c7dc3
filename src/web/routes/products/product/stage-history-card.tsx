import { Card, Skeleton, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ProductDto, stagesQuery } from '../../../api/queries.js';
import { gateLabel } from '../../../components/activity/describe.js';
import { ErrorState } from '../../../components/error-state.js';
import { useFormat } from '../../../components/format.js';
import { STAGE_COLORS } from '../../../components/stage-badge.js';

/** Every stage change: who moved it, when, why, and which gate items were still open. */
export function StageHistoryCard({ product, workspace }: { product: ProductDto; workspace: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery(stagesQuery(workspace, product.id));
  return (
    <Card component="section" aria-labelledby="stage-history-title">
      <Title order={2} fz="h3" id="stage-history-title" mb="md">
        {t('lifecycle.history')}
      </Title>
      {history.isPending ? (
        <Stack gap="sm">
          <Skeleton h={40} />
          <Skeleton h={40} />
        </Stack>
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={0} data-testid="stage-history">
          {history.data.map((entry) => (
            <Timeline.Item
              key={entry.id}
              color={STAGE_COLORS[entry.toStage]}
              bullet={<IconFlag size={12} aria-hidden />}
              title={
                <Text size="sm" fw={600}>
                  {entry.fromStage
                    ? t('lifecycle.historyMove', { from: t(`stages.${entry.fromStage}`), to: t(`stages.${entry.toStage}`) })
                    : t('lifecycle.historyStart', { stage: t(`stages.${entry.toStage}`) })}
                </Text>
              }
            >
              <Tooltip label={format.dateTime(entry.at)}>
                <Text size="xs" c="dimmed" component="p" m={0} w="fit-content">
                  {t('lifecycle.by', { name: entry.actor?.name ?? t('activity.someone'), when: format.relative(entry.at) })}
                </Text>
              </Tooltip>
              {entry.note && (
                <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
                  “{entry.note}”
                </Text>
              )}
              {entry.openGateItems.length > 0 && entry.fromStage && (
                <Text size="xs" c="var(--cairn-warning-text)" mt={6}>
                  {t('lifecycle.leftOpen', { items: entry.openGateItems.map((i) => gateLabel(t, `${entry.fromStage}.${i}`)).join(', ') })}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
