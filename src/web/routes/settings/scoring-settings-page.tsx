import {
  Alert,
  Breadcrumbs,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconSortDescendingNumbers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldError, FRAMEWORK_KEYS, type FrameworkKey, type IceVariant } from '../../../domain/scoring/index.js';
import { ApiError, isApiError } from '../../api/client.js';
import { useErrorMessage } from '../../api/error-message.js';
import { type ScoringSettingsDto, scoringQuery, useUpdateScoring } from '../../api/scoring.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ConflictAlert } from '../../components/conflict-alert.js';
import { ErrorState } from '../../components/error-state.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { Page, PageHeader } from '../../components/page-header.js';
import { useScoreLabels } from '../../components/score/labels.js';
import { CustomScoreEditor, checkCustom, type DriverDraft, driverDraft, toDrivers } from './scoring-custom-editor.js';
import '../../i18n/prioritisation.js';

interface Form {
  iceVariant: IceVariant;
  moscowLimit: number | '';
  valueEffortMidpoint: number | '';
  defaultFramework: FrameworkKey;
  revenueCurrency: string;
  drivers: DriverDraft[];
  formula: string;
  baseVersion: number;
}

function formOf(s: ScoringSettingsDto): Form {
  return {
    iceVariant: s.iceVariant,
    moscowLimit: Math.round(s.moscowLimit * 1000) / 10,
    valueEffortMidpoint: s.valueEffortMidpoint,
    defaultFramework: s.defaultFramework,
    revenueCurrency: s.revenueCurrency,
    drivers: s.custom.drivers.map((d) => driverDraft(d)),
    formula: s.custom.formula ?? '',
    baseVersion: s.version,
  };
}

const sameCustom = (form: Form, s: ScoringSettingsDto) =>
  JSON.stringify(toDrivers(form.drivers)) === JSON.stringify(s.custom.drivers.map((d) => toDrivers([driverDraft(d)])[0])) &&
  form.formula.trim() === (s.custom.formula ?? '').trim();

/** Errors the server found, with the formula position and caret when it gives them. */
function serverFieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || !error.errors) return [];
  return (error.errors as (ApiError['errors'] & object)[number][]).map((e) => {
    const extra = e as { position?: number; pointer?: string };
    const field = e.path.replace(/^body\.custom\./, '').replace(/^body\./, '');
    return {
      field,
      message: e.message,
      ...(extra.position !== undefined && { position: extra.position }),
      ...(extra.pointer !== undefined && { pointer: extra.pointer }),
    };
  });
}

/** The workspace's scoring rules. Owners and product managers change them; everyone reads them. */
export function ScoringSettingsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const labels = useScoreLabels();
  const errorMessage = useErrorMessage();
  const canWrite = workspace.can('strategy.write');
  const scoring = useQuery(scoringQuery(workspace.key));
  const update = useUpdateScoring(workspace.key);
  const [form, setForm] = useState<Form | null>(null);
  const [conflict, setConflict] = useState(false);

  // The form starts from the saved rules; a save answers with the new ones. Someone else's
  // change meanwhile shows as a conflict on save, never as edits silently replaced.
  useEffect(() => {
    if (scoring.data && !form) setForm(formOf(scoring.data));
  }, [scoring.data, form]);

  if (scoring.isError) {
    return (
      <Page width={860}>
        <PageHeader title={t('scoring.title')} description={t('scoring.description')} />
        <ErrorState error={scoring.error} onRetry={() => void scoring.refetch()} />
      </Page>
    );
  }
  if (!scoring.data || !form) {
    return (
      <Page width={860}>
        <PageHeader title={t('scoring.title')} description={t('scoring.description')} />
        <Stack gap="lg" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={220} radius="lg" />
          <Skeleton h={320} radius="lg" />
        </Stack>
      </Page>
    );
  }

  const saved = scoring.data;
  const currencyOk = /^[A-Za-z]{3}$/.test(form.revenueCurrency.trim());
  const limitOk = typeof form.moscowLimit === 'number' && form.moscowLimit > 0 && form.moscowLimit <= 100;
  const midpointOk = typeof form.valueEffortMidpoint === 'number' && form.valueEffortMidpoint >= 1 && form.valueEffortMidpoint <= 10;
  const custom = checkCustom(form.drivers, form.formula);
  const customChanged = !sameCustom(form, saved);
  const patch = {
    ...(form.iceVariant !== saved.iceVariant && { iceVariant: form.iceVariant }),
    ...(limitOk && (form.moscowLimit as number) / 100 !== saved.moscowLimit && { moscowLimit: (form.moscowLimit as number) / 100 }),
    ...(midpointOk &&
      form.valueEffortMidpoint !== saved.valueEffortMidpoint && { valueEffortMidpoint: form.valueEffortMidpoint as number }),
    ...(form.defaultFramework !== saved.defaultFramework && { defaultFramework: form.defaultFramework }),
    ...(currencyOk &&
      form.revenueCurrency.trim().toUpperCase() !== saved.revenueCurrency && {
        revenueCurrency: form.revenueCurrency.trim().toUpperCase(),
      }),
    ...(customChanged && { custom: { drivers: toDrivers(form.drivers), formula: form.formula.trim() || null } }),
  };
  const dirty = Object.keys(patch).length > 0;
  const valid = currencyOk && limitOk && midpointOk && custom.ok;
  const serverErrors = serverFieldErrors(update.error);

  const save = (version: number) => {
    setConflict(false);
    update.mutate(
      { ...patch, version },
      {
        onSuccess: (next) => {
          setForm(formOf(next));
          notifications.show({ color: 'teal', message: t('scoring.saved') });
        },
        onError: (error) => {
          if (isApiError(error, 'version_conflict')) setConflict(true);
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && valid && canWrite) save(form.baseVersion);
  };
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  return (
    <Page width={860}>
      <Breadcrumbs mb="sm" separatorMargin={6}>
        <AnchorLink to="/w/$workspace/settings" params={{ workspace: workspace.key }} size="sm" c="dimmed">
          {t('settings.title')}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {t('scoring.title')}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={t('scoring.title')}
        description={t('scoring.description')}
        actions={
          <ButtonLink
            to="/w/$workspace/prioritise"
            params={{ workspace: workspace.key }}
            variant="default"
            leftSection={<IconSortDescendingNumbers size={16} aria-hidden />}
          >
            {t('nav.prioritise')}
          </ButtonLink>
        }
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {!canWrite && (
            <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} data-testid="scoring-read-only">
              {t('scoring.readOnly', { role: t(`roles.${workspace.role}.label`) })}
            </Alert>
          )}
          <Card component="section" aria-labelledby="frameworks-title">
            <Title order={2} fz="h3" id="frameworks-title" mb="md">
              {t('scoring.general')}
            </Title>
            <Stack gap="md">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="ice-variant-label">
                  {t('scoring.iceVariant')}
                </Text>
                <SegmentedControl
                  aria-labelledby="ice-variant-label"
                  value={form.iceVariant}
                  onChange={(v) => set({ iceVariant: v as IceVariant })}
                  data={[
                    { value: 'product', label: `${t('scoring.iceProduct')} — I × C × E` },
                    { value: 'average', label: `${t('scoring.iceAverage')} — (I + C + E) ÷ 3` },
                  ]}
                  disabled={!canWrite}
                  data-testid="ice-variant"
                />
                <Text size="xs" c="dimmed">
                  {t('scoring.iceVariantHint')}
                </Text>
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Select
                  label={t('scoring.defaultFramework')}
                  description={t('scoring.defaultFrameworkHint')}
                  data={FRAMEWORK_KEYS.map((f) => ({ value: f, label: labels.framework(f) }))}
                  value={form.defaultFramework}
                  onChange={(v) => v && set({ defaultFramework: v as FrameworkKey })}
                  allowDeselect={false}
                  disabled={!canWrite}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={t('scoring.currency')}
                  description={t('scoring.currencyHint')}
                  value={form.revenueCurrency}
                  onChange={(e) => set({ revenueCurrency: e.currentTarget.value.toUpperCase() })}
                  maxLength={3}
                  error={currencyOk ? undefined : t('scoring.currencyInvalid')}
                  disabled={!canWrite}
                />
                <NumberInput
                  label={t('scoring.moscowLimit')}
                  description={t('scoring.moscowLimitHint')}
                  value={form.moscowLimit}
                  onChange={(v) => set({ moscowLimit: typeof v === 'number' ? v : '' })}
                  min={1}
                  max={100}
                  suffix=" %"
                  decimalScale={1}
                  error={limitOk ? undefined : '1–100 %'}
                  disabled={!canWrite}
                />
                <NumberInput
                  label={t('scoring.midpoint')}
                  description={t('scoring.midpointHint')}
                  value={form.valueEffortMidpoint}
                  onChange={(v) => set({ valueEffortMidpoint: typeof v === 'number' ? v : '' })}
                  min={1}
                  max={10}
                  step={0.5}
                  decimalScale={2}
                  error={midpointOk ? undefined : '1–10'}
                  disabled={!canWrite}
                />
              </SimpleGrid>
            </Stack>
          </Card>

          <Card component="section" aria-labelledby="custom-title">
            <Title order={2} fz="h3" id="custom-title" mb="md">
              {t('scoring.customTitle')}
            </Title>
            <CustomScoreEditor
              drivers={form.drivers}
              formula={form.formula}
              onDrivers={(drivers) => set({ drivers })}
              onFormula={(formula) => set({ formula })}
              disabled={!canWrite}
              serverErrors={custom.ok ? serverErrors : []}
              labels={labels}
            />
          </Card>

          {conflict && (
            <ConflictAlert
              onReload={() => {
                setConflict(false);
                setForm(formOf(saved));
              }}
              onOverwrite={() => save(saved.version)}
              busy={update.isPending}
            />
          )}
          {update.error && !conflict && (
            <Alert color="red" variant="light" role="alert" data-testid="scoring-save-error">
              {errorMessage(update.error)}
            </Alert>
          )}
          {canWrite && (
            <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" style={{ background: 'var(--cairn-main-bg)', zIndex: 2 }}>
              <Button variant="default" disabled={!dirty} onClick={() => setForm(formOf(saved))}>
                {t('scoring.reset')}
              </Button>
              <Button type="submit" disabled={!dirty || !valid || conflict} loading={update.isPending} data-testid="save-scoring">
                {t('scoring.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Page>
  );
}
