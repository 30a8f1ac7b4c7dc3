import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTarget, IconTrash, IconTrendingDown, IconTrendingUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Direction, impliedDirection, type Period } from '../../../domain/strategy/index.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import {
  type KeyResultDto,
  keyResultsQuery,
  type ObjectiveDto,
  useCreateKeyResult,
  useDeleteKeyResult,
  useUpdateKeyResult,
} from '../../api/strategy.js';
import { ErrorState } from '../../components/error-state.js';
import { ProgressMeter } from './okr.js';
import classes from './strategy.module.css';

function useNumber() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { maximumFractionDigits: 4 });
  return (value: number, unit = '') => `${format.format(value)}${unit ? (unit === '%' ? '\u202f%' : ` ${unit}`) : ''}`;
}

/** A number typed in a field: '' and '-' are "nothing yet". */
const toNumber = (value: string | number): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const n = Number(value.replace(',', '.'));
  return value.trim() === '' || !Number.isFinite(n) ? null : n;
};

/**
 * Key results: how the team will know the objective is reached. Each one moves a metric from
 * a baseline to a target; typing the current value updates its progress at once.
 */
export function KeyResultsCard({ workspace, objective, canWrite }: { workspace: string; objective: ObjectiveDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const krs = useQuery(keyResultsQuery(workspace, objective.id));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<KeyResultDto | null>(null);
  const items = krs.data ?? [];
  return (
    <Card component="section" aria-labelledby="key-results-title">
      <Group justify="space-between" mb="md">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="key-results-title">
            {t('strategy.keyResults.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('strategy.keyResults.hint')}
          </Text>
        </Stack>
        {canWrite && !adding && items.length > 0 && (
          <Button
            variant="light"
            size="compact-sm"
            leftSection={<IconPlus size={15} aria-hidden />}
            onClick={() => setAdding(true)}
            data-testid="add-key-result"
          >
            {t('strategy.keyResults.add')}
          </Button>
        )}
      </Group>
      {krs.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={72} radius="md" />
          <Skeleton h={72} radius="md" />
        </Stack>
      ) : krs.isError ? (
        <ErrorState error={krs.error} onRetry={() => void krs.refetch()} />
      ) : (
        <Stack gap="sm">
          {items.length === 0 && !adding && (
            <Stack gap="sm" align="flex-start" py="xs">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconTarget size={20} stroke={1.6} aria-hidden style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
                <Text size="sm" c="dimmed">
                  {canWrite ? t('strategy.keyResults.empty') : t('strategy.keyResults.emptyReader')}
                </Text>
              </Group>
              {canWrite && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="add-key-result">
                  {t('strategy.keyResults.addFirst')}
                </Button>
              )}
            </Stack>
          )}
          {items.map((kr) => (
            <KeyResultRow
              key={kr.id}
              workspace={workspace}
              objectiveId={objective.id}
              period={objective.period}
              kr={kr}
              canWrite={canWrite}
              onEdit={() => setEditing(kr)}
            />
          ))}
          {adding && (
            <Card withBorder radius="md" padding="md">
              <KeyResultForm workspace={workspace} objectiveId={objective.id} onDone={() => setAdding(false)} />
            </Card>
          )}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={<Text fw={650}>{t('strategy.keyResults.edit')}</Text>}
        size="lg"
      >
        {editing && <KeyResultForm workspace={workspace} objectiveId={objective.id} kr={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}

function KeyResultRow({
  workspace,
  objectiveId,
  period,
  kr,
  canWrite,
  onEdit,
}: {
  workspace: string;
  objectiveId: string;
  period: Period;
  kr: KeyResultDto;
  canWrite: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  const errorMessage = useErrorMessage();
  const update = useUpdateKeyResult(workspace, objectiveId);
  const remove = useDeleteKeyResult(workspace, objectiveId);
  const [draft, setDraft] = useState<string | number | null>(null);
  const shown = draft ?? (kr.current === null ? '' : kr.current);
  const Trend = kr.direction === 'decrease' ? IconTrendingDown : IconTrendingUp;

  const commit = () => {
    if (draft === null) return;
    const value = toNumber(draft);
    setDraft(null);
    if (value === kr.current) return;
    update.mutate(
      { id: kr.id, patch: { current: value } },
      { onError: (error) => notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) }) },
    );
  };

  return (
    <div className={classes.kr} data-testid="key-result" data-progress={kr.progress ?? ''}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {kr.title}
          </Text>
          {kr.metric && (
            <Text size="xs" c="dimmed">
              {kr.metric}
            </Text>
          )}
          <Group gap={6} wrap="nowrap" className={classes.numbers}>
            <Trend size={15} stroke={1.7} aria-hidden style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
            <Text size="xs" c="dimmed">
              {kr.baseline === kr.target
                ? t(kr.direction === 'decrease' ? 'strategy.keyResults.holdAtMost' : 'strategy.keyResults.holdAtLeast', {
                    target: number(kr.target, kr.unit),
                  })
                : t('strategy.keyResults.fromTo', { baseline: number(kr.baseline, kr.unit), target: number(kr.target, kr.unit) })}
              {' · '}
              {t(`strategy.keyResults.directions.${kr.direction}`)}
            </Text>
          </Group>
        </Stack>
        {canWrite && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('strategy.keyResults.actions', { title: kr.title })}>
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={15} aria-hidden />} onClick={onEdit}>
                {t('common.edit')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={15} aria-hidden />}
                onClick={() =>
                  remove.mutate(
                    { id: kr.id, version: kr.version },
                    {
                      onSuccess: () => notifications.show({ message: t('strategy.keyResults.removed', { title: kr.title }) }),
                      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
                    },
                  )
                }
              >
                {t('strategy.keyResults.remove')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group justify="space-between" align="flex-end" mt="sm" gap="md" wrap="wrap">
        {canWrite ? (
          <NumberInput
            label={t('strategy.keyResults.current')}
            size="xs"
            w={180}
            value={shown}
            onChange={setDraft}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              }
              if (e.key === 'Escape') setDraft(null);
            }}
            placeholder={t('strategy.keyResults.notMeasured')}
            rightSection={kr.unit ? <Text size="xs">{kr.unit}</Text> : undefined}
            rightSectionWidth={kr.unit ? Math.min(60, 14 + kr.unit.length * 7) : undefined}
            hideControls
            data-testid="kr-current"
          />
        ) : (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('strategy.keyResults.current')}
            </Text>
            <Text size="sm" fw={600} className={classes.numbers}>
              {kr.current === null ? t('strategy.keyResults.notMeasured') : number(kr.current, kr.unit)}
            </Text>
          </Stack>
        )}
        <div style={{ flex: 1, minWidth: 180, maxWidth: 320 }}>
          <ProgressMeter progress={kr.progress} period={period} width="100%" testId="kr-progress" />
        </div>
      </Group>
    </div>
  );
}

/** Adds a key result, or edits one. The direction follows the numbers until it is chosen by hand. */
function KeyResultForm({
  workspace,
  objectiveId,
  kr,
  onDone,
}: {
  workspace: string;
  objectiveId: string;
  kr?: KeyResultDto;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const create = useCreateKeyResult(workspace, objectiveId);
  const update = useUpdateKeyResult(workspace, objectiveId);
  const mutation = kr ? update : create;
  const [title, setTitle] = useState(kr?.title ?? '');
  const [metric, setMetric] = useState(kr?.metric ?? '');
  const [baseline, setBaseline] = useState<string | number>(kr?.baseline ?? '');
  const [target, setTarget] = useState<string | number>(kr?.target ?? '');
  const [current, setCurrent] = useState<string | number>(kr?.current ?? '');
  const [unit, setUnit] = useState(kr?.unit ?? '');
  const [direction, setDirection] = useState<Direction | null>(kr?.direction ?? null);
  const errors = fieldErrors(mutation.error);
  const b = toNumber(baseline);
  const tg = toNumber(target);
  const effective: Direction = direction ?? (b !== null && tg !== null ? impliedDirection(b, tg) : 'increase');
  const ready = title.trim() !== '' && b !== null && tg !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const body = { title: title.trim(), metric: metric.trim(), baseline: b, target: tg, current: toNumber(current), unit: unit.trim() };
    if (kr) {
      update.mutate({ id: kr.id, patch: { ...body, direction: effective } }, { onSuccess: () => onDone() });
    } else {
      create.mutate(
        { ...body, direction: effective },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'teal', message: t('strategy.keyResults.added', { title: created.title }) });
            onDone();
          },
        },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={kr ? t('strategy.keyResults.edit') : t('strategy.keyResults.add')}>
      <Stack gap="sm">
        <TextInput
          label={t('strategy.keyResults.name')}
          placeholder={t('strategy.keyResults.namePlaceholder')}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
          autoFocus={!kr}
        />
        <TextInput
          label={t('strategy.keyResults.metric')}
          description={t('strategy.keyResults.metricHint')}
          maxLength={200}
          value={metric}
          onChange={(e) => setMetric(e.currentTarget.value)}
          error={errors.metric}
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput
            label={t('strategy.keyResults.baseline')}
            required
            value={baseline}
            onChange={setBaseline}
            error={errors.baseline}
            hideControls
          />
          <NumberInput
            label={t('strategy.keyResults.target')}
            required
            value={target}
            onChange={setTarget}
            error={errors.target}
            hideControls
          />
          <NumberInput
            label={t('strategy.keyResults.current')}
            placeholder={t('strategy.keyResults.notMeasured')}
            value={current}
            onChange={setCurrent}
            error={errors.current}
            hideControls
          />
          <TextInput
            label={t('strategy.keyResults.unit')}
            placeholder="%, €, ms…"
            maxLength={20}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            error={errors.unit}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`direction-${kr?.id ?? 'new'}`}>
            {t('strategy.keyResults.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby={`direction-${kr?.id ?? 'new'}`}
            data={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`strategy.keyResults.directions.${d}`) }))}
            value={effective}
            onChange={(d) => setDirection(d as Direction)}
          />
          <Text size="xs" c={errors.direction ? 'red' : 'dimmed'}>
            {errors.direction ??
              (b !== null && tg !== null
                ? b === tg
                  ? t(effective === 'decrease' ? 'strategy.keyResults.holdAtMost' : 'strategy.keyResults.holdAtLeast', {
                      target: number(tg, unit.trim()),
                    })
                  : t('strategy.keyResults.preview', { baseline: number(b, unit.trim()), target: number(tg, unit.trim()) })
                : t('strategy.keyResults.previewEmpty'))}
          </Text>
        </Stack>
        {mutation.error && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!ready} data-testid="save-key-result">
            {kr ? t('common.save') : t('strategy.keyResults.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
