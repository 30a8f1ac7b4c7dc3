import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTIVE_STATUSES } from '../../../contract/objectives.js';
import { MAX_DEPTH, type PeriodInput, periodToInput } from '../../../domain/strategy/index.js';
import { isApiError } from '../../api/client.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { productsQuery } from '../../api/queries.js';
import { type ObjectiveDto, type ObjectiveStatusValue, useCreateObjective, useUpdateObjective } from '../../api/strategy.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { usePeriodLabel } from './okr.js';
import { defaultPeriod, PeriodPicker } from './period-picker.js';
import { descendantsOf, treeRows, useAllObjectives, useMemberNames } from './use-objectives.js';

export interface ObjectiveDefaults {
  parentId?: string | null;
  productId?: string | null;
}

/**
 * Creates an objective, or edits one: title, why (Markdown), period, the objective it serves,
 * product, owner and status. A new objective opens on its own page, to add key results.
 */
export function ObjectiveFormModal({
  workspace,
  opened,
  onClose,
  objective,
  defaults,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
  objective?: ObjectiveDto | undefined;
  defaults?: ObjectiveDefaults | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={<Text fw={650}>{objective ? t('strategy.form.editTitle') : t('strategy.form.createTitle')}</Text>}
    >
      {opened && <ObjectiveForm workspace={workspace} onClose={onClose} objective={objective} defaults={defaults} />}
    </Modal>
  );
}

function ObjectiveForm({
  workspace,
  onClose,
  objective,
  defaults,
}: {
  workspace: string;
  onClose: () => void;
  objective?: ObjectiveDto | undefined;
  defaults?: ObjectiveDefaults | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const periodLabel = usePeriodLabel();
  const create = useCreateObjective(workspace);
  const update = useUpdateObjective(workspace, objective?.id ?? '');
  const mutation = objective ? update : create;
  const { items } = useAllObjectives(workspace);
  const products = useInfiniteQuery(productsQuery(workspace, { archived: 'false' }));
  const { members } = useMemberNames(workspace);

  const [title, setTitle] = useState(objective?.title ?? '');
  const [description, setDescription] = useState(objective?.description ?? '');
  const [period, setPeriod] = useState<PeriodInput>(objective ? periodToInput(objective.period) : defaultPeriod());
  const [parentId, setParentId] = useState<string | null>(objective ? objective.parentId : (defaults?.parentId ?? null));
  const [productId, setProductId] = useState<string | null>(objective ? objective.productId : (defaults?.productId ?? null));
  const [ownerId, setOwnerId] = useState<string | null | undefined>(objective ? objective.ownerId : undefined);
  const [status, setStatus] = useState<ObjectiveStatusValue>(objective?.status ?? 'active');
  const [baseVersion] = useState(objective?.version);
  const [conflict, setConflict] = useState(false);
  const errors = fieldErrors(mutation.error);

  // Where it can go: anywhere but under itself or its own descendants, and not at the deepest level.
  const parentOptions = useMemo(() => {
    const excluded = objective ? descendantsOf(items, objective.id).add(objective.id) : new Set<string>();
    return treeRows(items)
      .filter((row) => !excluded.has(row.item.id) && row.depth < MAX_DEPTH)
      .map((row) => ({
        value: row.item.id,
        label: `${'\u2003'.repeat(row.depth - 1)}${row.item.title} · ${periodLabel(row.item.period)}`,
      }));
  }, [items, objective, periodLabel]);
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (event: FormEvent, version = baseVersion) => {
    event.preventDefault();
    if (!title.trim()) return;
    setConflict(false);
    const body = {
      title: title.trim(),
      description,
      period,
      parentId,
      productId,
      status,
      ...(ownerId !== undefined && { ownerId }),
    };
    if (objective) {
      update.mutate(
        { patch: body, ...(version !== undefined && { version }) },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('strategy.form.saved') });
            onClose();
          },
          onError: (error) => {
            if (isApiError(error, 'version_conflict')) setConflict(true);
          },
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('strategy.form.created', { title: created.title }) });
          onClose();
          void navigate({ to: '/w/$workspace/strategy/$objectiveId', params: { workspace, objectiveId: created.id } });
        },
      });
    }
  };

  const generalError = mutation.error && !conflict && Object.keys(errors).length === 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('strategy.form.title')}
          placeholder={t('strategy.form.titlePlaceholder')}
          description={t('strategy.form.titleHint')}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <Textarea
          label={t('strategy.form.description')}
          description={t('strategy.form.descriptionHint')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={20000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <PeriodPicker value={period} onChange={setPeriod} errors={errors} />
        <Select
          label={t('strategy.form.parent')}
          description={t('strategy.form.parentHint')}
          placeholder={t('strategy.form.noParent')}
          data={parentOptions}
          value={parentId}
          onChange={setParentId}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          nothingFoundMessage={t('strategy.form.noObjectiveFound')}
          error={errors.parentId}
          comboboxProps={{ withinPortal: true }}
          data-testid="parent-picker"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select
            label={t('strategy.form.product')}
            placeholder={t('strategy.form.productPlaceholder')}
            data={productItems.map((p) => ({ value: p.id, label: p.name }))}
            value={productId}
            onChange={setProductId}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            error={errors.productId}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('strategy.form.owner')}
            placeholder={objective ? t('strategy.form.noOwner') : t('strategy.form.ownerDefault')}
            data={members.map((m) => ({ value: m.userId!, label: m.name ?? m.email }))}
            value={ownerId ?? null}
            onChange={setOwnerId}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            error={errors.ownerId}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('strategy.form.status')}
            data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`strategy.statuses.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as ObjectiveStatusValue)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {conflict && objective && (
          <ConflictAlert onReload={onClose} onOverwrite={() => submit({ preventDefault() {} } as FormEvent, objective.version)} />
        )}
        {generalError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!title.trim()} data-testid="save-objective">
            {objective ? t('common.saveChanges') : t('strategy.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
