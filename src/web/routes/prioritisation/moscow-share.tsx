import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { summarizeMoscow } from '../../../domain/scoring/index.js';
import type { ScoreLabels } from '../../components/score/labels.js';
import classes from './prioritisation.module.css';
import type { RankedRow } from './ranking.js';

/**
 * DSDM's guidance on the features in view: the share of planned effort (Must + Should +
 * Could) that is Must-have, against the workspace's limit (60 % by default), computed by
 * the domain from the rows as they are on screen — so it moves as you type.
 */
export function MoscowShare({ rows, limit, labels }: { rows: readonly RankedRow[]; limit: number; labels: ScoreLabels }) {
  const { t } = useTranslation();
  const summary = summarizeMoscow(
    rows.map((r) => ({ id: r.feature.id, category: r.scores.moscow.category, effort: r.scores.moscow.effort })),
    { limit },
  );
  const withCategory = rows.filter((r) => r.scores.moscow.category !== null && r.scores.moscow.category !== 'wont');
  const incomplete = withCategory.filter((r) => r.scores.moscow.effort === null).length;

  if (!summary.ok) {
    return (
      <Paper withBorder radius="lg" p="md" data-testid="moscow-share" data-state="no-effort">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconScale size={20} stroke={1.7} aria-hidden />
          <Stack gap={4}>
            <Text fw={650} size="sm">
              {t('prioritise.mustShare.title')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('prioritise.mustShare.noEffort', { limit: labels.percent(limit) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('prioritise.mustShare.guidance')}
            </Text>
          </Stack>
        </Group>
      </Paper>
    );
  }
  const values = {
    share: labels.percent(summary.value),
    must: labels.number(summary.totals.must, 1),
    planned: labels.number(summary.plannedEffort, 1),
    limit: labels.percent(limit),
  };
  const body = (
    <Stack gap="xs">
      <Text size="sm">{summary.overLimit ? t('prioritise.mustShare.over', values) : t('prioritise.mustShare.body', values)}</Text>
      {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot draw the limit marker; the ARIA meter carries the value */}
      <div
        className={classes.shareTrack}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(summary.value * 100)}
        aria-label={t('prioritise.mustShare.title')}
      >
        <div
          className={classes.shareFill}
          data-over={summary.overLimit || undefined}
          style={{ width: `${Math.min(100, summary.value * 100)}%` }}
        />
        <div
          className={classes.shareLimit}
          style={{ left: `${limit * 100}%` }}
          title={t('prioritise.mustShare.limitMarker', { limit: values.limit })}
        />
      </div>
      <Group gap="lg">
        {(['must', 'should', 'could'] as const).map((c) => (
          <Text key={c} size="xs" c="dimmed">
            {labels.choice('moscow', 'category', c)}: <b>{labels.number(summary.totals[c], 1)}</b>
          </Text>
        ))}
      </Group>
      {incomplete > 0 && (
        <Text size="xs" c="dimmed">
          {t('prioritise.mustShare.incomplete', { count: incomplete })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('prioritise.mustShare.guidance')}
      </Text>
    </Stack>
  );
  return summary.overLimit ? (
    <Alert
      color="red"
      variant="light"
      radius="lg"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={t('prioritise.mustShare.title')}
      data-testid="moscow-share"
      data-state="over"
      role="alert"
    >
      {body}
    </Alert>
  ) : (
    <Paper withBorder radius="lg" p="md" data-testid="moscow-share" data-state="ok">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconScale size={20} stroke={1.7} aria-hidden />
        <Stack gap={4} style={{ flex: 1 }}>
          <Text fw={650} size="sm">
            {t('prioritise.mustShare.title')}
          </Text>
          {body}
        </Stack>
      </Group>
    </Paper>
  );
}
