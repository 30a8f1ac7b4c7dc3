import { ActionIcon, Badge, Button, Group, Menu, Stack, TextInput, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCheck, IconDots, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/error-message.js';
import type { ProductDto } from '../../../api/queries.js';
import { ConflictAlert } from '../../../components/conflict-alert.js';
import { StageBadge } from '../../../components/stage-badge.js';
import { DeleteProductModal } from './delete-product-modal.js';
import type { ProductUpdate } from './types.js';

export function ProductHeader({
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
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ name: string; baseVersion: number } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [deleteOpened, del] = useDisclosure(false);

  const save = (version: number) => {
    if (!editing?.name.trim()) return;
    setConflict(false);
    update.mutate(
      { patch: { name: editing.name.trim() }, version },
      {
        onSuccess: () => setEditing(null),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
          else notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) });
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editing) save(editing.baseVersion);
  };
  const archive = (archived: boolean) =>
    update.mutate(
      { patch: { archived }, optimistic: true },
      {
        onSuccess: () =>
          notifications.show({
            message: archived ? t('product.archivedToast', { name: product.name }) : t('product.restoredToast', { name: product.name }),
          }),
        onError: (error) =>
          notifications.show({
            color: isApiError(error, 'version_conflict') ? 'orange' : 'red',
            title: isApiError(error, 'version_conflict') ? t('conflict.title') : t('common.saveFailed'),
            message: isApiError(error, 'version_conflict') ? t('conflict.reloaded') : errorMessage(error),
          }),
      },
    );

  return (
    <Stack gap="sm" mb="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        {editing ? (
          <form onSubmit={submit} style={{ flex: 1 }}>
            <Group gap="xs" wrap="nowrap">
              <TextInput
                aria-label={t('products.name')}
                value={editing.name}
                onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
                onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                size="md"
                maxLength={120}
                autoFocus
                style={{ flex: 1, maxWidth: 560 }}
              />
              <ActionIcon
                type="submit"
                size="lg"
                variant="filled"
                aria-label={t('common.save')}
                loading={update.isPending}
                disabled={!editing.name.trim()}
              >
                <IconCheck size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon size="lg" variant="default" aria-label={t('common.cancel')} onClick={() => setEditing(null)}>
                <IconX size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </form>
        ) : (
          <Group gap="sm" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {product.name}
            </Title>
            <StageBadge stage={product.stage} size="lg" />
            {product.archivedAt && (
              <Badge color="gray" variant="outline" size="lg">
                {t('products.archived')}
              </Badge>
            )}
            {canWrite && (
              <Tooltip label={t('product.rename')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('product.rename')}
                  onClick={() => setEditing({ name: product.name, baseVersion: product.version })}
                >
                  <IconPencil size={17} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        )}
        {canWrite && (
          <Menu position="bottom-end" shadow="lg" width={220}>
            <Menu.Target>
              <Button variant="default" px={10} aria-label={t('product.moreActions')}>
                <IconDots size={18} aria-hidden />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing({ name: product.name, baseVersion: product.version })}
              >
                {t('product.rename')}
              </Menu.Item>
              {product.archivedAt ? (
                <Menu.Item leftSection={<IconArchiveOff size={16} aria-hidden />} onClick={() => archive(false)}>
                  {t('product.restore')}
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconArchive size={16} aria-hidden />} onClick={() => archive(true)}>
                  {t('product.archive')}
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={del.open}>
                {t('product.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {conflict && editing && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            setEditing(null);
          }}
          onOverwrite={() => save(product.version)}
          busy={update.isPending}
        />
      )}
      {canWrite && <DeleteProductModal product={product} workspace={workspace} opened={deleteOpened} onClose={del.close} />}
    </Stack>
  );
}
