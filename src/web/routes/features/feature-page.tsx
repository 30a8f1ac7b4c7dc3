import {
  ActionIcon,
  Alert,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  Modal,
  Select,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEATURE_STATUSES } from '../../../contract/discovery.js';
import { isApiError } from '../../api/client.js';
import { type FeatureDto, type FeatureStatusValue, featureQuery } from '../../api/discovery.js';
import { type FeaturePatch, useDeleteFeature, useUpdateFeature } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { productsQuery } from '../../api/queries.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { FeatureStatusBadge } from '../../components/discovery/badges.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { AnchorLink } from '../../components/links.js';
import { Page } from '../../components/page-header.js';
import { NotFoundPage } from '../../components/route-error.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { DescriptionCard } from './description-card.js';
import { EvidencePanel } from './evidence-panel.js';
import { ObjectivesCard } from './objectives-card.js';
import { OwnerSelect } from './owners.js';
import { ScoresCard } from './scores-card.js';
import '../../i18n/discovery.js';

/** One feature: what it is, where it stands, and the evidence that asks for it. */
export function FeaturePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const workspace = useWorkspace();
  const { featureId } = useParams({ strict: false }) as { featureId: string };
  const feature = useQuery(featureQuery(workspace.key, featureId));
  useDocumentTitle(feature.data?.title, workspace.name);
  const update = useUpdateFeature(workspace.key, featureId);
  const errorMessage = useErrorMessage();
  const canWrite = workspace.can('feature.write');
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const products = useInfiniteQuery(productsQuery(workspace.key, { archived: 'false' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];

  if (feature.isPending) {
    return (
      <Page>
        <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={14} w={160} />
          <Skeleton h={30} w={360} />
          <Grid gap="lg" mt="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Skeleton h={320} radius="lg" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Skeleton h={220} radius="lg" />
            </Grid.Col>
          </Grid>
        </Stack>
      </Page>
    );
  }
  if (feature.isError) {
    if (isApiError(feature.error) && feature.error.status === 404) return <NotFoundPage />;
    return (
      <Page>
        <ErrorState error={feature.error} onRetry={() => void feature.refetch()} />
      </Page>
    );
  }
  const f = feature.data;
  const save = (patch: FeaturePatch) =>
    update.mutate(
      { patch },
      {
        onError: (error) =>
          notifications.show({
            color: isApiError(error, 'version_conflict') ? 'orange' : 'red',
            message: isApiError(error, 'version_conflict') ? t('conflict.reloaded') : errorMessage(error),
          }),
      },
    );

  return (
    <Page>
      <Breadcrumbs mb="sm" separatorMargin={6}>
        <AnchorLink to="/w/$workspace/features" params={{ workspace: workspace.key }} size="sm" c="dimmed">
          {t('features.title')}
        </AnchorLink>
        <Text size="sm" c="dimmed" truncate maw={420}>
          {f.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="xl" wrap="nowrap" gap="md">
        <Stack gap={8} style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {f.title}
          </Title>
          <Group gap="sm">
            <FeatureStatusBadge status={f.status} size="md" />
            <Text size="sm" c="dimmed">
              {format.relative(f.updatedAt)}
            </Text>
          </Group>
        </Stack>
        {canWrite && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label={t('features.moreActions')}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setRenaming(true)}>
                {t('features.rename')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('features.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <EvidencePanel workspace={workspace.key} featureId={f.id} canWrite={canWrite} />
            <DescriptionCard feature={f} canWrite={canWrite} update={update} />
            <ObjectivesCard featureId={f.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card component="section" aria-labelledby="details-title">
            <Title order={2} fz="h3" id="details-title" mb="md">
              {t('features.details')}
            </Title>
            <Stack gap="md">
              <Select
                label={t('features.status')}
                data={FEATURE_STATUSES.map((s) => ({ value: s, label: t(`discovery.featureStatuses.${s}`) }))}
                value={f.status}
                onChange={(status) => status && status !== f.status && save({ status: status as FeatureStatusValue })}
                allowDeselect={false}
                disabled={!canWrite}
                comboboxProps={{ withinPortal: true }}
              />
              <OwnerSelect workspace={workspace.key} ownerId={f.ownerId} canWrite={canWrite} onChange={(ownerId) => save({ ownerId })} />
              <Select
                label={t('features.product')}
                placeholder={t('discovery.noProduct')}
                data={productItems.map((p) => ({ value: p.id, label: p.name }))}
                value={f.productId}
                onChange={(productId) => productId !== f.productId && save({ productId })}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                disabled={!canWrite}
                comboboxProps={{ withinPortal: true }}
              />
              <TagsInput
                label={t('features.tags')}
                placeholder={f.tags.length ? undefined : t('discovery.tagsPlaceholder')}
                value={f.tags}
                onChange={(tags) => save({ tags })}
                maxTags={30}
                splitChars={[',', ';']}
                disabled={!canWrite}
              />
            </Stack>
          </Card>
          <ScoresCard workspace={workspace.key} feature={f} canWrite={canWrite} />
        </Grid.Col>
      </Grid>
      <RenameModal feature={f} opened={renaming} onClose={() => setRenaming(false)} update={update} />
      <DeleteModal workspace={workspace.key} feature={f} opened={deleting} onClose={() => setDeleting(false)} />
    </Page>
  );
}

function RenameModal({
  feature,
  opened,
  onClose,
  update,
}: {
  feature: FeatureDto;
  opened: boolean;
  onClose: () => void;
  update: ReturnType<typeof useUpdateFeature>;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [title, setTitle] = useState(feature.title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    update.mutate(
      { patch: { title: title.trim() } },
      {
        onSuccess: () => {
          notifications.show({ message: t('features.renamed') });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('features.rename')}</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('features.name')}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-autofocus
          />
          {update.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(update.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!title.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteModal({
  workspace,
  feature,
  opened,
  onClose,
}: {
  workspace: string;
  feature: FeatureDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteFeature(workspace, feature.id);
  const errorMessage = useErrorMessage();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('features.deleteTitle', { title: feature.title })}</Text>}>
      <Stack gap="md">
        <Text size="sm">{t('features.deleteBody')}</Text>
        {remove.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(feature.version, {
                onSuccess: () => {
                  notifications.show({ message: t('features.deleted', { title: feature.title }) });
                  void navigate({ to: '/w/$workspace/features', params: { workspace } });
                },
              })
            }
          >
            {t('features.deleteForGood')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
