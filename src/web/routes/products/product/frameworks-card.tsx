import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconSortDescendingNumbers, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_KEYS, type FrameworkKey } from '../../../../domain/scoring/index.js';
import { isApiError } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/error-message.js';
import type { ProductDto } from '../../../api/queries.js';
import { ConflictAlert } from '../../../components/conflict-alert.js';
import { ButtonLink } from '../../../components/links.js';
import { moveFramework } from '../../../components/score/frameworks.js';
import { useScoreLabels } from '../../../components/score/labels.js';
import type { ProductUpdate } from './types.js';
import '../../../i18n/prioritisation.js';

interface Draft {
  list: FrameworkKey[];
  baseVersion: number;
}

/**
 * The scoring frameworks this product's features are scored with, in order: the first one
 * is what its features show first and what its ranked list opens on. At least one; saved
 * with the version it was edited on, like every product edit.
 */
export function FrameworksCard({
  product,
  workspace,
  canWrite,
  update,
}: {
  product: ProductDto;
  workspace: string;
  canWrite: boolean;
  update: ProductUpdate;
}) {
  const { t } = useTranslation();
  const labels = useScoreLabels();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState(false);
  const [adding, setAdding] = useState<string | null>(null);

  const save = (version: number) => {
    if (!draft) return;
    setConflict(false);
    update.mutate(
      { patch: { scoringFrameworks: draft.list }, version },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({ color: 'teal', message: t('prioritise.productFrameworks.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
          else notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) });
        },
      },
    );
  };
  const cancel = () => {
    setDraft(null);
    setConflict(false);
  };

  const unused = draft ? FRAMEWORK_KEYS.filter((f) => !draft.list.includes(f)) : [];

  return (
    <Card component="section" aria-labelledby="frameworks-title" data-testid="product-frameworks">
      <Group justify="space-between" mb="md" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="frameworks-title">
            {t('prioritise.productFrameworks.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('prioritise.productFrameworks.hint')}
          </Text>
        </Stack>
        {canWrite && !draft && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={15} aria-hidden />}
            onClick={() => setDraft({ list: [...product.scoringFrameworks], baseVersion: product.version })}
            aria-label={t('prioritise.productFrameworks.edit')}
            style={{ flexShrink: 0 }}
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>

      {draft ? (
        <Stack gap="sm">
          <ol aria-label={t('prioritise.productFrameworks.chosen')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {draft.list.map((f, i) => {
              const name = labels.framework(f);
              return (
                <li key={f} data-framework={f}>
                  <Group justify="space-between" wrap="nowrap" py={4}>
                    <Group gap="xs" wrap="nowrap">
                      <Badge variant={i === 0 ? 'filled' : 'light'} circle aria-hidden>
                        {i + 1}
                      </Badge>
                      <Text size="sm" fw={i === 0 ? 650 : 500}>
                        {name}
                        {i === 0 && (
                          <Text span size="xs" c="dimmed" ml={6}>
                            {t('prioritise.productFrameworks.first')}
                          </Text>
                        )}
                      </Text>
                    </Group>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('prioritise.productFrameworks.up', { name })} withinPortal>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={i === 0}
                          aria-label={t('prioritise.productFrameworks.up', { name })}
                          onClick={() => setDraft({ ...draft, list: moveFramework(draft.list, i, -1) })}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('prioritise.productFrameworks.down', { name })} withinPortal>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={i === draft.list.length - 1}
                          aria-label={t('prioritise.productFrameworks.down', { name })}
                          onClick={() => setDraft({ ...draft, list: moveFramework(draft.list, i, 1) })}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip
                        label={
                          draft.list.length === 1
                            ? t('prioritise.productFrameworks.keepOne')
                            : t('prioritise.productFrameworks.remove', { name })
                        }
                        withinPortal
                      >
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          disabled={draft.list.length === 1}
                          aria-label={t('prioritise.productFrameworks.remove', { name })}
                          onClick={() => setDraft({ ...draft, list: draft.list.filter((x) => x !== f) })}
                        >
                          <IconX size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                </li>
              );
            })}
          </ol>
          {unused.length > 0 && (
            <Select
              label={t('prioritise.productFrameworks.add')}
              placeholder={t('prioritise.productFrameworks.addPlaceholder')}
              data={unused.map((f) => ({ value: f, label: labels.framework(f) }))}
              value={adding}
              onChange={(v) => {
                if (!v) return;
                setDraft({ ...draft, list: [...draft.list, v as FrameworkKey] });
                setAdding(null);
              }}
              comboboxProps={{ withinPortal: true }}
              size="sm"
              data-testid="add-framework"
            />
          )}
          {conflict && <ConflictAlert onReload={cancel} onOverwrite={() => save(product.version)} busy={update.isPending} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save(draft.baseVersion)} loading={update.isPending && !conflict} disabled={conflict}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group gap={6} aria-label={t('prioritise.productFrameworks.chosen')} role="list">
            {product.scoringFrameworks.map((f, i) => (
              <Badge key={f} role="listitem" variant={i === 0 ? 'filled' : 'light'} size="lg" tt="none" data-framework={f}>
                {`${i + 1}. ${labels.framework(f)}`}
              </Badge>
            ))}
          </Group>
          <ButtonLink
            to="/w/$workspace/prioritise"
            params={{ workspace }}
            search={{ product: product.id }}
            variant="subtle"
            size="xs"
            px={0}
            leftSection={<IconSortDescendingNumbers size={14} aria-hidden />}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('prioritise.productFrameworks.ranked')}
          </ButtonLink>
        </Stack>
      )}
    </Card>
  );
}
