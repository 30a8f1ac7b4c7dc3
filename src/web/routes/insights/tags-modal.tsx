import { Alert, Button, Group, Modal, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightDto, InsightFilters } from '../../api/discovery.js';

type Matching = { filters: InsightFilters; count: number };

import { useBulkInsights, useUpdateInsight } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';

/** "t": the tags of the focused insight, or tags to add to every selected one. */
export function TagsModal({
  workspace,
  insights,
  matching = null,
  suggestions,
  onClose,
}: {
  workspace: string;
  insights: InsightDto[] | null;
  /** Every insight matching these filters is selected (then tags are added by filter). */
  matching?: Matching | null;
  suggestions: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const count = matching ? matching.count : (insights?.length ?? 0);
  return (
    <Modal
      opened={insights !== null}
      onClose={onClose}
      title={<Text fw={650}>{count > 1 ? t('insights.tags.titleMany', { count }) : t('insights.tags.title')}</Text>}
    >
      {insights && <TagsForm workspace={workspace} insights={insights} matching={matching} suggestions={suggestions} onClose={onClose} />}
    </Modal>
  );
}

function TagsForm({
  workspace,
  insights,
  matching,
  suggestions,
  onClose,
}: {
  workspace: string;
  insights: InsightDto[];
  matching: Matching | null;
  suggestions: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const single = !matching && insights.length === 1 ? insights[0] : undefined;
  const [tags, setTags] = useState<string[]>(single?.tags ?? []);
  const update = useUpdateInsight(workspace);
  const bulk = useBulkInsights(workspace);
  const error = update.error ?? bulk.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (single) update.mutate({ id: single.id, patch: { tags } }, { onSuccess: onClose });
    else if (tags.length)
      bulk.mutate(
        matching
          ? { filter: matching.filters, expectedCount: matching.count, action: 'add_tags', tags }
          : { ids: insights.map((i) => i.id), action: 'add_tags', tags },
        {
          onSuccess: (r) => {
            notifications.show({ message: t('insights.updated', { count: r.updated }) });
            onClose();
          },
        },
      );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TagsInput
          label={t('discovery.tags')}
          placeholder={t('discovery.tagsPlaceholder')}
          data={suggestions}
          value={tags}
          onChange={setTags}
          maxTags={30}
          splitChars={[',', ';']}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending || bulk.isPending} disabled={!single && tags.length === 0}>
            {t('insights.tags.apply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
