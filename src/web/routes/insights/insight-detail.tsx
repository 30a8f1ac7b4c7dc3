import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Kbd,
  List,
  Menu,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconArchiveOff,
  IconBuildingStore,
  IconDots,
  IconGitMerge,
  IconLink,
  IconPencil,
  IconSparkles,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { memo, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE, INSIGHT_SOURCES, INSIGHT_STATUSES } from '../../../contract/discovery.js';
import { isApiError } from '../../api/client.js';
import {
  type ImportanceValue,
  type InsightDto,
  type InsightSourceValue,
  type InsightStatusValue,
  type SimilarDto,
  similarQuery,
} from '../../api/discovery.js';
import {
  type DroppedCustomer,
  droppedCustomer,
  type InsightPatch,
  useDeleteInsight,
  useMergeInsight,
  useUnmergeInsight,
  useUpdateInsight,
} from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { productsQuery } from '../../api/queries.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { CustomerPicker } from '../../components/discovery/customer-picker.js';
import { useFormat } from '../../components/format.js';
import { AnchorLink } from '../../components/links.js';
import classes from './insights.module.css';
import { useSessionLinks } from './session-links.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** One insight, read and edited in place: text, customer, tags, importance, status, links and look-alikes. */
export const InsightDetail = memo(function InsightDetail({
  workspace,
  insight,
  canEdit,
  canLink,
  onLink,
  onClose,
}: {
  workspace: string;
  insight: InsightDto;
  canEdit: boolean;
  canLink: boolean;
  onLink: (featureId?: string) => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const update = useUpdateInsight(workspace);
  const [draft, setDraft] = useState<{ text: string; baseVersion: number } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const products = useInfiniteQuery(productsQuery(workspace, { archived: 'false' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
  const sessionLinks = useSessionLinks(insight.id);

  const save = (patch: InsightPatch, onDone?: () => void) =>
    update.mutate(
      { id: insight.id, patch },
      {
        onSuccess: () => onDone?.(),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) notifications.show({ color: 'orange', message: t('insights.detail.conflictToast') });
          else notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) });
        },
      },
    );

  const saveText = (version: number) => {
    if (!draft?.text.trim()) return;
    setConflict(false);
    update.mutate(
      { id: insight.id, patch: { text: draft.text.trim() }, version },
      {
        onSuccess: () => setDraft(null),
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
          else notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) });
        },
      },
    );
  };

  return (
    <Stack gap="lg" p="lg" component="section" aria-label={t('insights.detail.label')} data-testid="insight-detail">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap">
          {canEdit ? (
            <Select
              aria-label={t('discovery.status')}
              size="xs"
              w={130}
              data={INSIGHT_STATUSES.map((s) => ({ value: s, label: t(`discovery.statuses.${s}`) }))}
              value={insight.status}
              allowDeselect={false}
              onChange={(status) => status && status !== insight.status && save({ status: status as InsightStatusValue })}
              comboboxProps={{ withinPortal: true }}
              data-testid="detail-status"
            />
          ) : (
            <Badge variant="light">{t(`discovery.statuses.${insight.status}`)}</Badge>
          )}
          <Text size="xs" c="dimmed">
            {format.dateTime(insight.receivedAt)}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          {canEdit && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('insights.moreActions')}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {insight.status === 'archived' ? (
                  <Menu.Item leftSection={<IconArchiveOff size={16} aria-hidden />} onClick={() => save({ status: 'triaged' })}>
                    {t('insights.restore')}
                  </Menu.Item>
                ) : (
                  <Menu.Item leftSection={<IconArchive size={16} aria-hidden />} onClick={() => save({ status: 'archived' })}>
                    {t('insights.archive')}
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                  {t('insights.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          {onClose && (
            <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('insights.detail.close')}>
              <IconX size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>

      {insight.mergedIntoId && (
        <Alert color="gray" variant="light" icon={<IconGitMerge size={16} aria-hidden />} p="xs">
          <Group gap="xs">
            <Text size="sm">{t('insights.detail.mergedInto')}</Text>
            <AnchorLink
              to="/w/$workspace/insights"
              params={{ workspace }}
              search={{ insight: insight.mergedIntoId, status: 'new,triaged,linked,archived' }}
              size="sm"
            >
              {t('insights.detail.openMerged')}
            </AnchorLink>
          </Group>
        </Alert>
      )}

      <Stack gap="xs">
        {draft ? (
          <Stack gap="xs">
            <Textarea
              aria-label={t('insights.detail.text')}
              autosize
              minRows={4}
              maxRows={16}
              maxLength={20000}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) saveText(draft.baseVersion);
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setDraft(null);
                  setConflict(false);
                }
              }}
              autoFocus
            />
            {conflict && (
              <ConflictAlert
                onReload={() => {
                  setConflict(false);
                  setDraft(null);
                }}
                onOverwrite={() => saveText(insight.version)}
                busy={update.isPending}
              />
            )}
            <Group justify="flex-end" gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setDraft(null);
                  setConflict(false);
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button
                size="xs"
                onClick={() => saveText(draft.baseVersion)}
                loading={update.isPending && !conflict}
                disabled={conflict || !draft.text.trim()}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <blockquote className={classes.quote} data-insight-text style={{ flex: 1 }}>
              {insight.text}
            </blockquote>
            {canEdit && (
              <Tooltip label={t('insights.detail.editText')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('insights.detail.editText')}
                  onClick={() => setDraft({ text: insight.text, baseVersion: insight.version })}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        )}
      </Stack>

      <Field label={t('discovery.importance_label')}>
        <SegmentedControl
          size="xs"
          fullWidth
          disabled={!canEdit}
          aria-label={t('discovery.importance_label')}
          value={insight.importance}
          onChange={(value) => save({ importance: value as ImportanceValue })}
          data={IMPORTANCE.map((i) => ({ value: i, label: t(`discovery.importance.${i}`) }))}
        />
      </Field>

      <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
        <Field label={t('discovery.customer')}>
          {canEdit ? (
            <CustomerPicker
              workspace={workspace}
              size="xs"
              aria-label={t('discovery.customer')}
              value={insight.customer}
              onChange={(c) => (c?.id ?? null) !== (insight.customer?.id ?? null) && save({ customerId: c?.id ?? null })}
              canCreate
            />
          ) : (
            <Text size="sm">{insight.customer?.name ?? '—'}</Text>
          )}
          {insight.customer && (
            <AnchorLink to="/w/$workspace/customers/$customerId" params={{ workspace, customerId: insight.customer.id }} size="xs">
              {insight.customer.segment ?? t('discovery.noSegment')}
            </AnchorLink>
          )}
        </Field>
        <Field label={t('discovery.source')}>
          <Select
            size="xs"
            aria-label={t('discovery.source')}
            disabled={!canEdit}
            data={INSIGHT_SOURCES.map((s) => ({ value: s, label: t(`discovery.sources.${s}`) }))}
            value={insight.source}
            allowDeselect={false}
            onChange={(source) => source && source !== insight.source && save({ source: source as InsightSourceValue })}
            comboboxProps={{ withinPortal: true }}
          />
        </Field>
        <Field label={t('insights.detail.person')}>
          {canEdit ? (
            <PersonFields insight={insight} onSave={save} />
          ) : (
            <Text size="sm">{[insight.personName, insight.personEmail].filter(Boolean).join(' · ') || '—'}</Text>
          )}
        </Field>
        <Field label={t('discovery.product')}>
          <Select
            size="xs"
            aria-label={t('discovery.product')}
            disabled={!canEdit}
            placeholder={t('discovery.noProduct')}
            data={productItems.map((p) => ({ value: p.id, label: p.name }))}
            value={insight.productId}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            onChange={(productId) => productId !== insight.productId && save({ productId })}
            comboboxProps={{ withinPortal: true }}
          />
        </Field>
      </SimpleGrid>

      <Field label={t('discovery.tags')}>
        <TagsInput
          size="xs"
          aria-label={t('discovery.tags')}
          disabled={!canEdit}
          value={insight.tags}
          onChange={(tags) => save({ tags })}
          placeholder={insight.tags.length ? undefined : t('discovery.tagsPlaceholder')}
          maxTags={30}
          clearable={false}
          splitChars={[',', ';']}
        />
      </Field>

      {insight.externalId && (
        <Field label={t('insights.detail.externalId')}>
          <Text size="sm" ff="monospace">
            {insight.externalId}
          </Text>
        </Field>
      )}

      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} fz="h4">
            {t('insights.detail.linkedFeatures')}
          </Title>
          {canLink && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconLink size={14} aria-hidden />}
              rightSection={<Kbd size="xs">L</Kbd>}
              onClick={() => onLink()}
            >
              {t('insights.linkToFeature')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="linked-count">
          {insight.featureCount > 0 ? t('insights.detail.linkedCount', { count: insight.featureCount }) : t('insights.detail.notLinked')}
        </Text>
        {sessionLinks.map((f) => (
          <Group key={f.id} gap={6}>
            <IconSparkles size={14} aria-hidden style={{ color: 'var(--mantine-color-dimmed)' }} />
            <AnchorLink to="/w/$workspace/features/$featureId" params={{ workspace, featureId: f.id }} size="sm" fw={500}>
              {f.title}
            </AnchorLink>
          </Group>
        ))}
      </Stack>

      <SimilarList workspace={workspace} insight={insight} canEdit={canEdit} canLink={canLink} onLink={onLink} />

      <Modal opened={deleting} onClose={() => setDeleting(false)} title={<Text fw={650}>{t('insights.deleteTitle')}</Text>}>
        <DeleteBody workspace={workspace} insight={insight} onClose={() => setDeleting(false)} />
      </Modal>
    </Stack>
  );
});

function PersonFields({ insight, onSave }: { insight: InsightDto; onSave: (patch: InsightPatch) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(insight.personName ?? '');
  const [email, setEmail] = useState(insight.personEmail ?? '');
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        aria-label={t('insights.detail.personName')}
        placeholder={t('insights.detail.personName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={() => name.trim() !== (insight.personName ?? '') && onSave({ personName: name.trim() || null })}
      />
      <TextInput
        size="xs"
        type="email"
        aria-label={t('insights.detail.personEmail')}
        placeholder={t('insights.detail.personEmail')}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        onBlur={() => email.trim() !== (insight.personEmail ?? '') && onSave({ personEmail: email.trim() || null })}
      />
    </Stack>
  );
}

function DeleteBody({ workspace, insight, onClose }: { workspace: string; insight: InsightDto; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteInsight(workspace);
  const errorMessage = useErrorMessage();
  return (
    <Stack gap="md">
      <Text size="sm">{t('insights.deleteBody')}</Text>
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
            remove.mutate(
              { id: insight.id, version: insight.version },
              {
                onSuccess: () => {
                  notifications.show({ message: t('insights.deleted') });
                  onClose();
                },
              },
            )
          }
        >
          {t('insights.deleteForGood')}
        </Button>
      </Group>
    </Stack>
  );
}

function SimilarList({
  workspace,
  insight,
  canEdit,
  canLink,
  onLink,
}: {
  workspace: string;
  insight: InsightDto;
  canEdit: boolean;
  canLink: boolean;
  onLink: (featureId?: string) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const similar = useQuery(similarQuery(workspace, insight.id));
  const merge = useMergeInsight(workspace);
  const unmerge = useUnmergeInsight(workspace);
  const [confirming, setConfirming] = useState<{ item: SimilarDto; dropped: DroppedCustomer } | null>(null);
  const items = similar.data?.items ?? [];

  const undo = (duplicateId: string, toast: string) => {
    notifications.hide(toast);
    unmerge.mutate(duplicateId, {
      onSuccess: () => notifications.show({ message: t('insights.detail.mergeUndone') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });
  };
  const mergeIn = (item: SimilarDto, confirm = false) =>
    merge.mutate(
      { id: insight.id, duplicateId: item.id, confirm },
      {
        onSuccess: (kept) => {
          setConfirming(null);
          const toast = `merged-${item.id}`;
          const notes = kept.warnings.flatMap((w) =>
            w.kind === 'tags_truncated'
              ? [t('insights.detail.mergedTagsDropped', { tags: w.dropped.join(', ') })]
              : w.kind === 'text_truncated'
                ? [t('insights.detail.mergedTextTruncated')]
                : [],
          );
          notifications.show({
            id: toast,
            color: 'teal',
            autoClose: 8000,
            message: (
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{t('insights.detail.merged')}</Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => undo(item.id, toast)} data-testid="undo-merge">
                    {t('insights.undo')}
                  </Button>
                </Group>
                {notes.map((note) => (
                  <Text key={note} size="xs" c="dimmed">
                    {note}
                  </Text>
                ))}
              </Stack>
            ),
          });
        },
        onError: (error) => {
          const dropped = droppedCustomer(error);
          if (dropped) setConfirming({ item, dropped });
          else {
            setConfirming(null);
            notifications.show({ color: 'red', message: errorMessage(error) });
          }
        },
      },
    );

  return (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {t('insights.detail.similar')}
      </Title>
      {similar.isPending ? (
        <Stack gap={6}>
          <Skeleton h={40} radius="md" />
          <Skeleton h={40} radius="md" />
        </Stack>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('insights.detail.similarEmpty')}
        </Text>
      ) : (
        <Stack gap={8} data-testid="similar-list">
          {items.map((item) => (
            <Stack
              key={`${item.kind}:${item.id}`}
              gap={6}
              p="xs"
              style={{ border: '1px solid var(--cairn-border)', borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="default">
                    {item.kind === 'feature' ? t('insights.detail.featureKind') : t('insights.detail.insightKind')}
                  </Badge>
                  {item.likelyDuplicate && (
                    <Badge size="xs" color="orange" variant="light" c="var(--cairn-warning-text)">
                      {t('insights.detail.likelyDuplicate')}
                    </Badge>
                  )}
                </Group>
                <Tooltip label={t('insights.detail.similarity', { score: Math.round(item.score * 100) })}>
                  <Progress
                    value={Math.round(item.score * 100)}
                    w={56}
                    size="sm"
                    aria-label={t('insights.detail.similarity', { score: Math.round(item.score * 100) })}
                  />
                </Tooltip>
              </Group>
              {item.kind === 'feature' ? (
                <AnchorLink
                  to="/w/$workspace/features/$featureId"
                  params={{ workspace, featureId: item.id }}
                  size="sm"
                  fw={500}
                  lineClamp={2}
                >
                  {item.title}
                </AnchorLink>
              ) : (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ta="left"
                  c="var(--mantine-color-text)"
                  lineClamp={2}
                  onClick={() => window.dispatchEvent(new CustomEvent('cairn:focus-insight', { detail: item.id }))}
                >
                  {item.title}
                </Anchor>
              )}
              {item.kind === 'insight' && (
                <Group gap={6} wrap="nowrap" data-testid="similar-customer">
                  <IconBuildingStore size={13} aria-hidden style={{ color: 'var(--mantine-color-dimmed)', flex: 'none' }} />
                  <Text size="xs" c="dimmed" truncate>
                    {item.customer?.name ?? t('discovery.noCustomer')}
                  </Text>
                  {item.customer && insight.customer && item.customer.id !== insight.customer.id && (
                    <Tooltip label={t('insights.detail.otherCustomerHint', { customer: insight.customer.name })} multiline w={260}>
                      <Badge size="xs" color="orange" variant="outline" style={{ flex: 'none' }} tabIndex={0}>
                        {t('insights.detail.otherCustomer')}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              )}
              <Group gap={6} justify="flex-end">
                {item.kind === 'insight' && canEdit && (
                  <Tooltip label={t('insights.detail.mergeHint')} multiline w={260}>
                    <Button
                      size="compact-xs"
                      variant="default"
                      leftSection={<IconGitMerge size={13} aria-hidden />}
                      loading={merge.isPending && merge.variables?.duplicateId === item.id && !confirming}
                      onClick={() => mergeIn(item)}
                    >
                      {t('insights.detail.merge')}
                    </Button>
                  </Tooltip>
                )}
                {item.kind === 'feature' && canLink && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    leftSection={<IconLink size={13} aria-hidden />}
                    onClick={() => onLink(item.id)}
                  >
                    {t('insights.detail.link')}
                  </Button>
                )}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={<Text fw={650}>{t('insights.detail.mergeConfirmTitle')}</Text>}
      >
        {confirming && (
          <MergeConfirmBody
            kept={insight.customer?.name ?? t('discovery.noCustomer')}
            duplicate={confirming.item.title}
            dropped={confirming.dropped}
            busy={merge.isPending}
            onCancel={() => setConfirming(null)}
            onConfirm={() => mergeIn(confirming.item, true)}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** What merging feedback of another customer does to the evidence, before it is done. */
function MergeConfirmBody({
  kept,
  duplicate,
  dropped,
  busy,
  onCancel,
  onConfirm,
}: {
  kept: string;
  duplicate: string;
  dropped: DroppedCustomer;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const name = dropped.customer.name;
  return (
    <Stack gap="sm" data-testid="merge-confirm">
      <blockquote className={classes.quote} style={{ margin: 0 }}>
        {duplicate}
      </blockquote>
      <Text size="sm">{t('insights.detail.mergeConfirmBody', { dropped: name, kept })}</Text>
      {dropped.features.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('insights.detail.mergeConfirmFeatures', { dropped: name, count: dropped.features.length })}
          </Text>
          <List size="sm" spacing={2}>
            {dropped.features.map((f) => (
              <List.Item key={f.id}>{f.title}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Text size="sm">{t('insights.detail.mergeConfirmNoFeatures', { dropped: name })}</Text>
      )}
      <Alert color="cairn" variant="light" p="xs" icon={<IconLink size={16} aria-hidden />}>
        <Text size="sm">{t('insights.detail.mergeConfirmHint')}</Text>
      </Alert>
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="orange" loading={busy} onClick={onConfirm} data-testid="confirm-merge">
          {t('insights.detail.mergeAnyway')}
        </Button>
      </Group>
    </Stack>
  );
}
