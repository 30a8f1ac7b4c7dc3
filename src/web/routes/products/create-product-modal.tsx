import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../../../domain/lifecycle.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { useCreateProduct } from '../../api/product-mutations.js';

/** A new product: a name is enough; the vision and the stage help when adopting one mid-life. */
export function CreateProductModal({ workspace, opened, onClose }: { workspace: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('products.createTitle')}</Text>} size="lg">
      {opened && <CreateProductForm workspace={workspace} onClose={onClose} />}
    </Modal>
  );
}

function CreateProductForm({ workspace, onClose }: { workspace: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProduct(workspace);
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [name, setName] = useState('');
  const [vision, setVision] = useState('');
  const [stage, setStage] = useState<Stage>('conception');
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), ...(vision.trim() && { vision }), stage },
      {
        onSuccess: (product) => {
          onClose();
          void navigate({ to: '/w/$workspace/products/$productId', params: { workspace, productId: product.id } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('products.name')}
          placeholder={t('products.namePlaceholder')}
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Textarea
          label={t('products.vision')}
          description={t('products.visionHint')}
          placeholder={t('products.visionPlaceholder')}
          autosize
          minRows={3}
          maxRows={8}
          value={vision}
          onChange={(e) => setVision(e.currentTarget.value)}
          error={errors.vision}
        />
        <Select
          label={t('products.startStage')}
          description={t('products.startStageHint')}
          data={STAGES.filter((s) => s !== 'retired').map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          value={stage}
          onChange={(value) => value && setStage(value as Stage)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {create.error && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('products.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
