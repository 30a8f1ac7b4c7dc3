import { Blockquote, Box, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDto } from '../../api/queries.js';
import { useFormat } from '../format.js';
import { AnchorLink } from '../links.js';
import { PersonAvatar } from '../workspace/workspace-avatar.js';
import classes from './activity.module.css';
import { describeEntry } from './describe.js';

export interface SubjectNames {
  product?: (id: string) => string | undefined;
  member?: (id: string) => string | undefined;
}

/**
 * The change log as sentences: who did what, when, and why (the note). With `workspace`
 * set, each entry also names what it is about (the workspace-wide feed).
 */
export function ActivityFeed({ entries, workspace, names }: { entries: ActivityDto[]; workspace?: string; names?: SubjectNames }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={0} component="ol" className={classes.feed} aria-label={t('activity.title')}>
      {entries.map((entry) => {
        const { summary, details } = describeEntry(t, entry, names?.member);
        const actor = entry.actor?.name ?? t('activity.someone');
        return (
          <Box component="li" key={entry.seq} className={classes.item} data-testid="activity-entry">
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <PersonAvatar name={actor} seed={entry.actor?.id ?? 'system'} size={28} />
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                {workspace && <Subject entry={entry} workspace={workspace} names={names} />}
                <Text size="sm" lh={1.45}>
                  <Text span fw={600} inherit>
                    {actor}
                  </Text>{' '}
                  {summary}
                </Text>
                {details.length > 0 && (
                  <List size="sm" c="dimmed" spacing={2} className={classes.details}>
                    {details.map((d) => (
                      <List.Item key={d}>{d}</List.Item>
                    ))}
                  </List>
                )}
                {entry.note && (
                  <Blockquote p="xs" pl="sm" radius="sm" color="gray" className={classes.note} cite={undefined}>
                    <Text size="sm">{entry.note}</Text>
                  </Blockquote>
                )}
              </Stack>
              <Tooltip label={format.dateTime(entry.at)}>
                <Text size="xs" c="dimmed" className={classes.time} component="time" dateTime={entry.at}>
                  {format.relative(entry.at)}
                </Text>
              </Tooltip>
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}

function Subject({ entry, workspace, names }: { entry: ActivityDto; workspace: string; names?: SubjectNames | undefined }) {
  const { t } = useTranslation();
  let label: ReactNode = null;
  if (entry.entity === 'product') {
    const name =
      names?.product?.(entry.entityId) ??
      (typeof entry.changes.name?.from === 'string' ? entry.changes.name.from : undefined) ??
      (typeof entry.changes.name?.to === 'string' ? entry.changes.name.to : undefined);
    label =
      entry.action === 'deleted' || !names?.product?.(entry.entityId) ? (
        <Text span size="xs" fw={600} c="dimmed">
          {name ?? t('activity.aProduct')}
        </Text>
      ) : (
        <AnchorLink to="/w/$workspace/products/$productId" params={{ workspace, productId: entry.entityId }} size="xs" fw={600}>
          {name}
        </AnchorLink>
      );
  } else if (entry.entity === 'objective' || entry.entity === 'key_result') {
    const objectiveId = entry.entity === 'objective' ? entry.entityId : (entry.changes.objectiveId?.to ?? entry.changes.objectiveId?.from);
    const text = entry.entity === 'key_result' ? t('activity.entityKeyResult') : t('activity.anObjective');
    label =
      typeof objectiveId === 'string' && !(entry.entity === 'objective' && entry.action === 'deleted') ? (
        <AnchorLink to="/w/$workspace/strategy/$objectiveId" params={{ workspace, objectiveId }} size="xs" fw={600}>
          {text}
        </AnchorLink>
      ) : (
        <Text span size="xs" fw={600} c="dimmed">
          {text}
        </Text>
      );
  } else if (entry.entity === 'member') {
    label = (
      <Text span size="xs" fw={600} c="dimmed">
        {t('activity.entityMember')}
      </Text>
    );
  } else {
    label = (
      <Text span size="xs" fw={600} c="dimmed">
        {t('activity.entityWorkspace')}
      </Text>
    );
  }
  return <Box className={classes.subject}>{label}</Box>;
}
