import { Button, Card, Group, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import type { FeatureDto } from '../../api/discovery.js';
import type { useUpdateFeature } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { Markdown } from '../../components/markdown.js';

/** The feature's description, in Markdown: the problem, who has it, what "done" looks like. */
export function DescriptionCard({
  feature,
  canWrite,
  update,
}: {
  feature: FeatureDto;
  canWrite: boolean;
  update: ReturnType<typeof useUpdateFeature>;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<{ text: string; baseVersion: number } | null>(null);
  const [tab, setTab] = useState<string | null>('write');
  const [conflict, setConflict] = useState(false);

  const save = (version: number) => {
    if (!draft) return;
    setConflict(false);
    update.mutate(
      { patch: { description: draft.text }, version },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'teal', message: t('features.descriptionSaved') });
        },
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
          else notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) });
        },
      },
    );
  };

  return (
    <Card component="section" aria-labelledby="description-title">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h3" id="description-title">
          {t('features.descriptionLabel')}
        </Title>
        {canWrite && !draft && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={15} aria-hidden />}
            onClick={() => {
              setDraft({ text: feature.description, baseVersion: feature.version });
              setTab('write');
            }}
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {draft ? (
        <Stack gap="sm">
          <Tabs value={tab} onChange={setTab} variant="outline" radius="md">
            <Tabs.List>
              <Tabs.Tab value="write" leftSection={<IconPencil size={14} aria-hidden />}>
                {t('product.write')}
              </Tabs.Tab>
              <Tabs.Tab value="preview" leftSection={<IconEye size={14} aria-hidden />}>
                {t('product.preview')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <Textarea
                aria-label={t('features.descriptionLabel')}
                description={t('product.markdownHint')}
                autosize
                minRows={6}
                maxRows={24}
                maxLength={20000}
                value={draft.text}
                onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
                autoFocus
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: 1.6 } }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Card withBorder radius="md" padding="md" mih={120}>
                {draft.text.trim() ? (
                  <Markdown>{draft.text}</Markdown>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('product.nothingToPreview')}
                  </Text>
                )}
              </Card>
            </Tabs.Panel>
          </Tabs>
          {conflict && (
            <ConflictAlert
              onReload={() => {
                setConflict(false);
                setDraft(null);
              }}
              onOverwrite={() => save(feature.version)}
              busy={update.isPending}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                setDraft(null);
                setConflict(false);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save(draft.baseVersion)} loading={update.isPending && !conflict} disabled={conflict}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : feature.description.trim() ? (
        <Markdown>{feature.description}</Markdown>
      ) : (
        <Stack gap={6}>
          <Text size="sm" c="dimmed" fs="italic">
            {t('features.noDescription')}
          </Text>
          {canWrite && (
            <Text size="sm" c="dimmed">
              {t('features.noDescriptionHint')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
