import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEATURE_STATUSES } from '../../../contract/discovery.js';
import type { FeatureStatusValue } from '../../api/discovery.js';
import { useCreateFeature } from '../../api/discovery-mutations.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { productsQuery } from '../../api/queries.js';

/** A new feature (an idea to weigh): a title is enough; evidence comes from the inbox. */
export function CreateFeatureModal({ workspace, opened, onClose }: { workspace: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('features.createTitle')}</Text>} size="lg">
      {opened && <CreateFeatureForm workspace={workspace} onClose={onClose} />}
    </Modal>
  );
}

function CreateFeatureForm({ workspace, onClose }: { workspace: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateFeature(workspace);
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const products = useInfiniteQuery(productsQuery(workspace, { archived: 'false' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<FeatureStatusValue>('idea');
  const [productId, setProductId] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    create.mutate(
      {
        title: title.trim(),
        status,
        ...(description.trim() && { description }),
        ...(productId && { productId }),
        ...(tags.length && { tags }),
      },
      {
        onSuccess: (feature) => {
          notifications.show({ color: 'teal', message: t('features.created') });
          onClose();
          void navigate({ to: '/w/$workspace/features/$featureId', params: { workspace, featureId: feature.id } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('features.name')}
          placeholder={t('features.namePlaceholder')}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label={t('features.descriptionLabel')}
          description={t('features.descriptionHint')}
          autosize
          minRows={3}
          maxRows={10}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('features.status')}
            data={FEATURE_STATUSES.map((s) => ({ value: s, label: t(`discovery.featureStatuses.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as FeatureStatusValue)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('features.product')}
            placeholder={t('discovery.noProduct')}
            data={productItems.map((p) => ({ value: p.id, label: p.name }))}
            value={productId}
            onChange={setProductId}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TagsInput
          label={t('features.tags')}
          placeholder={t('discovery.tagsPlaceholder')}
          value={tags}
          onChange={setTags}
          maxTags={30}
          splitChars={[',', ';']}
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
          <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
            {t('features.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
