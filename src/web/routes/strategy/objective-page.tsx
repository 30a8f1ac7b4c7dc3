import {
  ActionIcon,
  Alert,
  Badge,
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
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTIVE_STATUSES } from '../../../contract/objectives.js';
import { objectiveProgress } from '../../../domain/strategy/index.js';
import { isApiError } from '../../api/client.js';
import { useErrorMessage } from '../../api/error-message.js';
import { productQuery } from '../../api/queries.js';
import {
  keyResultsQuery,
  type ObjectiveDto,
  type ObjectiveStatusValue,
  objectiveQuery,
  useDeleteObjective,
  useUpdateObjective,
} from '../../api/strategy.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { AnchorLink } from '../../components/links.js';
import { Markdown } from '../../components/markdown.js';
import { Page } from '../../components/page-header.js';
import { NotFoundPage } from '../../components/route-error.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { PersonAvatar } from '../../components/workspace/workspace-avatar.js';
import { KeyResultsCard } from './key-results-card.js';
import { ObjectiveFeaturesCard } from './objective-features-card.js';
import { type ObjectiveDefaults, ObjectiveFormModal } from './objective-form-modal.js';
import { HealthBadge, healthOf, ObjectiveStatusBadge, ProgressMeter, usePeriodLabel } from './okr.js';
import { ancestorsOf, bySiblingOrder, useAllObjectives, useMemberNames } from './use-objectives.js';

/** One objective: why it matters, its key results and their progress, and the features serving it. */
export function ObjectivePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const workspace = useWorkspace();
  const { objectiveId } = useParams({ strict: false }) as { objectiveId: string };
  const objective = useQuery(objectiveQuery(workspace.key, objectiveId));
  const krs = useQuery(keyResultsQuery(workspace.key, objectiveId));
  const { items, byId } = useAllObjectives(workspace.key);
  const { names } = useMemberNames(workspace.key);
  const update = useUpdateObjective(workspace.key, objectiveId);
  const errorMessage = useErrorMessage();
  const canWrite = workspace.can('strategy.write');
  const canLink = workspace.can('feature.write');
  const [form, setForm] = useState<{ mode: 'edit' } | { mode: 'child'; defaults: ObjectiveDefaults } | null>(null);
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle(objective.data?.title, workspace.name);

  if (objective.isPending) {
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
  if (objective.isError) {
    if (isApiError(objective.error) && objective.error.status === 404) return <NotFoundPage />;
    return (
      <Page>
        <ErrorState error={objective.error} onRetry={() => void objective.refetch()} />
      </Page>
    );
  }
  const o = objective.data;
  // The key results on screen decide the progress shown, so a typed value moves it at once.
  const progress = krs.data ? objectiveProgress(krs.data.map((k) => k.progress)) : o.progress;
  const health = healthOf(progress, o.period);
  const ancestors = ancestorsOf(byId, o);
  const children = items.filter((c) => c.parentId === o.id).sort(bySiblingOrder);
  const save = (patch: { status: ObjectiveStatusValue }) =>
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
        <AnchorLink to="/w/$workspace/strategy" params={{ workspace: workspace.key }} size="sm" c="dimmed">
          {t('strategy.title')}
        </AnchorLink>
        {ancestors.map((a) => (
          <AnchorLink
            key={a.id}
            to="/w/$workspace/strategy/$objectiveId"
            params={{ workspace: workspace.key, objectiveId: a.id }}
            size="sm"
            c="dimmed"
            truncate
            maw={220}
          >
            {a.title}
          </AnchorLink>
        ))}
        <Text size="sm" c="dimmed" truncate maw={320}>
          {o.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="xl" wrap="nowrap" gap="md">
        <Stack gap={10} style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {o.title}
          </Title>
          <Group gap="sm">
            <Badge variant="default" size="md" fw={600} data-testid="objective-period">
              {periodLabel(o.period)}
            </Badge>
            <ObjectiveStatusBadge status={o.status} size="md" />
            <HealthBadge health={health} size="md" />
            <Text size="sm" c="dimmed">
              {format.relative(o.updatedAt)}
            </Text>
          </Group>
          <Group gap="sm" mt={4}>
            <Text size="sm" fw={600}>
              {t('strategy.progress.label')}
            </Text>
            <ProgressMeter progress={progress} period={o.period} width={220} size="md" testId="objective-progress" />
          </Group>
        </Stack>
        {canWrite && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label={t('strategy.moreActions')}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setForm({ mode: 'edit' })}>
                {t('strategy.editObjective')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setForm({ mode: 'child', defaults: { parentId: o.id, productId: o.productId } })}
              >
                {t('strategy.addChild')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('strategy.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <KeyResultsCard workspace={workspace.key} objective={o} canWrite={canWrite} />
            <Card component="section" aria-labelledby="why-title">
              <Group justify="space-between" mb="md">
                <Title order={2} fz="h3" id="why-title">
                  {t('strategy.why')}
                </Title>
                {canWrite && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={15} aria-hidden />}
                    onClick={() => setForm({ mode: 'edit' })}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Group>
              {o.description.trim() ? (
                <Markdown>{o.description}</Markdown>
              ) : (
                <Text size="sm" c="dimmed" fs="italic">
                  {canWrite ? t('strategy.noWhy') : t('strategy.noWhyReader')}
                </Text>
              )}
            </Card>
            <ChildrenCard
              workspace={workspace.key}
              objective={o}
              items={children}
              canWrite={canWrite}
              onAdd={() => setForm({ mode: 'child', defaults: { parentId: o.id, productId: o.productId } })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="details-title">
              <Title order={2} fz="h3" id="details-title" mb="md">
                {t('strategy.details')}
              </Title>
              <Stack gap="md">
                <Select
                  label={t('strategy.form.status')}
                  data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`strategy.statuses.${s}`) }))}
                  value={o.status}
                  onChange={(status) => status && status !== o.status && save({ status: status as ObjectiveStatusValue })}
                  allowDeselect={false}
                  disabled={!canWrite}
                  comboboxProps={{ withinPortal: true }}
                />
                <Detail label={t('strategy.form.parent')}>
                  {o.parentId && byId.get(o.parentId) ? (
                    <AnchorLink
                      to="/w/$workspace/strategy/$objectiveId"
                      params={{ workspace: workspace.key, objectiveId: o.parentId }}
                      size="sm"
                      data-testid="objective-parent"
                    >
                      {byId.get(o.parentId)?.title}
                    </AnchorLink>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('strategy.topLevel')}
                    </Text>
                  )}
                </Detail>
                <Detail label={t('strategy.form.product')}>
                  <ProductName workspace={workspace.key} productId={o.productId} />
                </Detail>
                <Detail label={t('strategy.form.owner')}>
                  {o.ownerId && names.get(o.ownerId) ? (
                    <Group gap={6} wrap="nowrap">
                      <PersonAvatar name={names.get(o.ownerId)!} seed={o.ownerId} size={22} />
                      <Text size="sm">{names.get(o.ownerId)}</Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('strategy.form.noOwner')}
                    </Text>
                  )}
                </Detail>
                <Detail label={t('strategy.period.label')}>
                  <Text size="sm">
                    {periodLabel(o.period)}{' '}
                    <Text span size="xs" c="dimmed">
                      ({format.date(`${o.period.start}T12:00:00Z`)} – {format.date(`${o.period.end}T12:00:00Z`)})
                    </Text>
                  </Text>
                </Detail>
              </Stack>
            </Card>
            <ObjectiveFeaturesCard workspace={workspace.key} objectiveId={o.id} canLink={canLink} />
          </Stack>
        </Grid.Col>
      </Grid>
      {canWrite && (
        <ObjectiveFormModal
          workspace={workspace.key}
          opened={form !== null}
          onClose={() => setForm(null)}
          objective={form?.mode === 'edit' ? o : undefined}
          defaults={form?.mode === 'child' ? form.defaults : undefined}
        />
      )}
      <DeleteModal
        workspace={workspace.key}
        objective={o}
        childCount={children.length}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </Page>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function ProductName({ workspace, productId }: { workspace: string; productId: string | null }) {
  const { t } = useTranslation();
  const product = useQuery({ ...productQuery(workspace, productId ?? ''), enabled: productId !== null });
  if (!productId) {
    return (
      <Text size="sm" c="dimmed">
        {t('strategy.form.noProduct')}
      </Text>
    );
  }
  if (!product.data) return <Skeleton h={16} w={120} />;
  return (
    <AnchorLink to="/w/$workspace/products/$productId" params={{ workspace, productId }} size="sm">
      {product.data.name}
    </AnchorLink>
  );
}

/** Objectives that serve this one (the next level of the tree). */
function ChildrenCard({
  workspace,
  objective,
  items: children,
  canWrite,
  onAdd,
}: {
  workspace: string;
  objective: ObjectiveDto;
  items: ObjectiveDto[];
  canWrite: boolean;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  if (children.length === 0 && !canWrite) return null;
  return (
    <Card component="section" aria-labelledby="children-title">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h3" id="children-title">
          {t('strategy.children.title')}
        </Title>
        {canWrite && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={15} aria-hidden />} onClick={onAdd}>
            {t('strategy.addChild')}
          </Button>
        )}
      </Group>
      {children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('strategy.children.empty', { title: objective.title })}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {children.map((c) => (
            <Group key={c.id} component="li" justify="space-between" wrap="nowrap" gap="md">
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconTarget size={15} stroke={1.7} aria-hidden style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
                <AnchorLink
                  to="/w/$workspace/strategy/$objectiveId"
                  params={{ workspace, objectiveId: c.id }}
                  size="sm"
                  fw={550}
                  truncate
                  style={{ minWidth: 0 }}
                >
                  {c.title}
                </AnchorLink>
                <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
                  {periodLabel(c.period)}
                </Text>
              </Group>
              <ProgressMeter progress={c.progress} period={c.period} width={80} />
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function DeleteModal({
  workspace,
  objective,
  childCount,
  opened,
  onClose,
}: {
  workspace: string;
  objective: ObjectiveDto;
  childCount: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteObjective(workspace, objective.id);
  const errorMessage = useErrorMessage();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('strategy.deleteTitle', { title: objective.title })}</Text>}>
      <Stack gap="md">
        {childCount > 0 ? (
          <Alert color="orange" variant="light">
            {t('strategy.deleteHasChildren', { count: childCount })}
          </Alert>
        ) : (
          <Text size="sm">{t('strategy.deleteBody')}</Text>
        )}
        {remove.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {childCount > 0 ? t('common.close') : t('common.cancel')}
          </Button>
          {childCount === 0 && (
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(objective.version, {
                  onSuccess: () => {
                    notifications.show({ message: t('strategy.deleted', { title: objective.title }) });
                    void navigate({ to: '/w/$workspace/strategy', params: { workspace } });
                  },
                })
              }
            >
              {t('strategy.deleteForGood')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
