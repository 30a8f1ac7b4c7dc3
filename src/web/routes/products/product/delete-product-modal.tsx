import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../api/error-message.js';
import { useDeleteProduct, useUpdateProduct } from '../../../api/product-mutations.js';
import type { ProductDto } from '../../../api/queries.js';

/** Deleting is for mistakes; archiving keeps the history. The dialog says so and offers both. */
export function DeleteProductModal({
  product,
  workspace,
  opened,
  onClose,
}: {
  product: ProductDto;
  workspace: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const remove = useDeleteProduct(workspace, product.id);
  const update = useUpdateProduct(workspace, product.id);
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim() === product.name.trim();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('product.deleteTitle', { name: product.name })}</Text>}>
      <Stack gap="md">
        <Text size="sm">{t('product.deleteBody')}</Text>
        <TextInput
          label={t('product.deleteConfirmLabel', { name: product.name })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          data-autofocus
        />
        {remove.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          {!product.archivedAt ? (
            <Button
              variant="default"
              onClick={() => update.mutate({ patch: { archived: true }, optimistic: true }, { onSuccess: onClose })}
              loading={update.isPending}
            >
              {t('product.archiveInstead')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="subtle" color="gray" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!confirmed}
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(product.version, {
                  onSuccess: () => {
                    notifications.show({ message: t('product.deletedToast', { name: product.name }) });
                    void navigate({ to: '/w/$workspace/products', params: { workspace } });
                  },
                })
              }
            >
              {t('product.deleteForGood')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
