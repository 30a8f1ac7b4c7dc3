import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { useErrorMessage, useFieldErrors } from '../../../api/error-message.js';
import type { ProductDto } from '../../../api/queries.js';
import { ConflictAlert } from '../../../components/conflict-alert.js';
import classes from './product.module.css';
import type { ProductUpdate } from './types.js';

interface Draft {
  rows: { key: number; name: string; description: string }[];
  baseVersion: number;
}

let nextKey = 1;

/** Who the product is for: target segments and personas, each with a short description. */
export function SegmentsCard({ product, canWrite, update }: { product: ProductDto; canWrite: boolean; update: ProductUpdate }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState(false);
  const errors = fieldErrors(update.error);

  const start = () =>
    setDraft({
      rows: product.segments.length
        ? product.segments.map((s) => ({ key: nextKey++, ...s }))
        : [{ key: nextKey++, name: '', description: '' }],
      baseVersion: product.version,
    });
  const setRow = (key: number, patch: Partial<{ name: string; description: string }>) =>
    draft && setDraft({ ...draft, rows: draft.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });

  const save = (version: number) => {
    if (!draft) return;
    setConflict(false);
    const segments = draft.rows.filter((r) => r.name.trim()).map((r) => ({ name: r.name.trim(), description: r.description.trim() }));
    update.mutate(
      { patch: { segments }, version },
      {
        onSuccess: () => setDraft(null),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
          else if (!isApiError(error, 'validation_failed'))
            notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) });
        },
      },
    );
  };

  return (
    <Card component="section" aria-labelledby="segments-title">
      <Group justify="space-between" mb="md">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="segments-title">
            {t('product.segments')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('product.segmentsHint')}
          </Text>
        </Stack>
        {canWrite && !draft && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPencil size={15} aria-hidden />} onClick={start}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {draft ? (
        <Stack gap="sm">
          {draft.rows.map((row, index) => (
            <Group key={row.key} align="flex-start" gap="sm" wrap="nowrap" className={classes.segment}>
              <Stack gap="xs" style={{ flex: 1 }}>
                <TextInput
                  label={t('product.segmentName')}
                  placeholder={t('product.segmentNamePlaceholder')}
                  value={row.name}
                  maxLength={80}
                  onChange={(e) => setRow(row.key, { name: e.currentTarget.value })}
                  error={errors[`segments.${index}.name`]}
                  size="sm"
                />
                <Textarea
                  label={t('product.segmentDescription')}
                  placeholder={t('product.segmentDescriptionPlaceholder')}
                  value={row.description}
                  maxLength={2000}
                  autosize
                  minRows={2}
                  maxRows={6}
                  onChange={(e) => setRow(row.key, { description: e.currentTarget.value })}
                  size="sm"
                />
              </Stack>
              <Tooltip label={t('product.removeSegment')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={26}
                  aria-label={t('product.removeSegmentNamed', { name: row.name || t('product.segmentUntitled') })}
                  onClick={() => setDraft({ ...draft, rows: draft.rows.filter((r) => r.key !== row.key) })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group justify="space-between" mt="xs">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={15} aria-hidden />}
              onClick={() => setDraft({ ...draft, rows: [...draft.rows, { key: nextKey++, name: '', description: '' }] })}
              disabled={draft.rows.length >= 50}
            >
              {t('product.addSegment')}
            </Button>
            <Group gap="sm">
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
          </Group>
          {conflict && (
            <ConflictAlert
              onReload={() => {
                setConflict(false);
                setDraft(null);
              }}
              onOverwrite={() => save(product.version)}
              busy={update.isPending}
            />
          )}
        </Stack>
      ) : product.segments.length === 0 ? (
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconUsersGroup size={20} stroke={1.6} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text className={classes.emptyText}>{t('product.noSegments')}</Text>
        </Group>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {product.segments.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id and may share a name; the list is re-rendered whole
            <div key={`${i}-${s.name}`} className={classes.segment}>
              <Text size="sm" fw={600}>
                {s.name}
              </Text>
              {s.description && (
                <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {s.description}
                </Text>
              )}
            </div>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
