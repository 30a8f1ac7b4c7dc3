import { ActionIcon, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CustomDriver,
  EVIDENCE_NAMES,
  explainCustom,
  type FieldError,
  FUNCTIONS,
  IDENTIFIER_PATTERN,
  MAX_DRIVERS,
  validateCustomConfig,
  weightedSumFormula,
} from '../../../domain/scoring/index.js';
import { FormulaErrors } from '../../components/score/formula-error.js';
import type { ScoreLabels } from '../../components/score/labels.js';
import scoreClasses from '../../components/score/score.module.css';

export interface DriverDraft {
  /** Stable key for the list (drivers can be renamed). */
  key: string;
  name: string;
  label: string;
  min: number | '';
  max: number | '';
  weight: number | '';
}

let nextKey = 0;
export function driverDraft(d?: CustomDriver): DriverDraft {
  nextKey += 1;
  return {
    key: `d${nextKey}`,
    name: d?.name ?? '',
    label: d?.label ?? '',
    min: d?.min ?? 1,
    max: d?.max ?? 5,
    weight: d?.weight ?? 1,
  };
}

export function toDrivers(drafts: readonly DriverDraft[]): CustomDriver[] {
  return drafts.map((d) => ({
    name: d.name.trim(),
    ...(d.label.trim() && { label: d.label.trim() }),
    min: d.min === '' ? Number.NaN : d.min,
    max: d.max === '' ? Number.NaN : d.max,
    weight: d.weight === '' ? Number.NaN : d.weight,
  }));
}

/** Checks drivers and formula with the domain, as the server will; empty means "no custom score". */
export function checkCustom(drivers: readonly DriverDraft[], formula: string) {
  if (drivers.length === 0 && formula.trim() === '') return { ok: true as const, empty: true as const, errors: [] as FieldError[] };
  const result = validateCustomConfig({ drivers: toDrivers(drivers), formula });
  return result.ok
    ? { ok: true as const, empty: false as const, errors: [] as FieldError[], config: result.config }
    : { ok: false as const, empty: false as const, errors: result.errors };
}

/**
 * The custom score editor: drivers (name used in the formula, label, scale, weight) and a
 * formula checked with the domain's compiler on every keystroke, its mistakes shown with a
 * caret under the position; then a live preview on a sample feature.
 */
export function CustomScoreEditor({
  drivers,
  formula,
  onDrivers,
  onFormula,
  disabled,
  serverErrors,
  labels,
}: {
  drivers: DriverDraft[];
  formula: string;
  onDrivers: (drivers: DriverDraft[]) => void;
  onFormula: (formula: string) => void;
  disabled: boolean;
  /** Errors the server returned on save (with position and pointer for the formula). */
  serverErrors: FieldError[];
  labels: ScoreLabels;
}) {
  const { t } = useTranslation();
  const check = checkCustom(drivers, formula);
  const formulaErrors = [...check.errors.filter((e) => e.field === 'formula'), ...serverErrors.filter((e) => e.field === 'formula')];
  const driverErrors = check.errors.filter((e) => e.field.startsWith('drivers'));
  const errorOf = (i: number, key: string) => driverErrors.find((e) => e.field === `drivers[${i}].${key}`)?.message;
  const listError = driverErrors.find((e) => e.field === 'drivers')?.message;
  const update = (i: number, patch: Partial<DriverDraft>) => onDrivers(drivers.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const names = [...drivers.map((d) => d.name.trim()).filter((n) => IDENTIFIER_PATTERN.test(n)), ...EVIDENCE_NAMES];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('scoring.customIntro')}
      </Text>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('scoring.drivers')}
        </Text>
        {drivers.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-drivers">
            {t('scoring.noDrivers')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} horizontalSpacing={6} data-testid="drivers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scoring.driverName')}</Table.Th>
                  <Table.Th>{t('scoring.driverLabel')}</Table.Th>
                  <Table.Th w={90}>{t('scoring.driverMin')}</Table.Th>
                  <Table.Th w={90}>{t('scoring.driverMax')}</Table.Th>
                  <Table.Th w={90}>{t('scoring.driverWeight')}</Table.Th>
                  <Table.Th w={36} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {drivers.map((d, i) => (
                  <Table.Tr key={d.key}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        ff="monospace"
                        value={d.name}
                        onChange={(e) => update(i, { name: e.currentTarget.value })}
                        aria-label={`${t('scoring.driverName')} ${i + 1}`}
                        placeholder="strategic_fit"
                        error={errorOf(i, 'name')}
                        disabled={disabled}
                        maxLength={40}
                        data-testid={`driver-name-${i}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        value={d.label}
                        onChange={(e) => update(i, { label: e.currentTarget.value })}
                        aria-label={`${t('scoring.driverLabel')} ${i + 1}`}
                        disabled={disabled}
                        maxLength={80}
                      />
                    </Table.Td>
                    {(['min', 'max', 'weight'] as const).map((key) => (
                      <Table.Td key={key}>
                        <NumberInput
                          size="xs"
                          value={d[key]}
                          onChange={(v) => update(i, { [key]: typeof v === 'number' ? v : v === '' ? '' : Number(v) })}
                          aria-label={`${t(key === 'min' ? 'scoring.driverMin' : key === 'max' ? 'scoring.driverMax' : 'scoring.driverWeight')} ${i + 1}`}
                          error={errorOf(i, key)}
                          disabled={disabled}
                          hideControls
                          decimalScale={4}
                          data-testid={`driver-${key}-${i}`}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {!disabled && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('scoring.removeDriver', { name: d.name || i + 1 })}
                          onClick={() => onDrivers(drivers.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {listError && drivers.length > 0 && (
          <Text size="sm" className={scoreClasses.errorText}>
            {listError}
          </Text>
        )}
        {!disabled && (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => onDrivers([...drivers, driverDraft()])}
              disabled={drivers.length >= MAX_DRIVERS}
              data-testid="add-driver"
            >
              {t('scoring.addDriver')}
            </Button>
          </Group>
        )}
      </Stack>

      <Stack gap={6}>
        <Textarea
          label={t('scoring.formula')}
          description={t('scoring.formulaHint')}
          placeholder={t('scoring.formulaPlaceholder')}
          value={formula}
          onChange={(e) => onFormula(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          disabled={disabled}
          spellCheck={false}
          styles={{
            input: {
              fontFamily: 'var(--mantine-font-family-monospace)',
              ...(formulaErrors.length > 0 && { borderColor: 'var(--mantine-color-red-6)' }),
            },
          }}
          aria-invalid={formulaErrors.length > 0 || undefined}
          aria-describedby="formula-feedback"
          data-testid="formula"
        />
        <div id="formula-feedback" aria-live="polite">
          {formulaErrors.length > 0 ? (
            <FormulaErrors errors={formulaErrors} testId="formula-errors" />
          ) : check.ok && !check.empty ? (
            <Stack gap={2}>
              <Group gap={6} data-testid="formula-ok">
                <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
                <Text size="sm" className={scoreClasses.okText}>
                  {formula.trim()
                    ? t('scoring.formulaOk')
                    : t('scoring.formulaDefault', { formula: weightedSumFormula(toDrivers(drivers)) })}
                </Text>
              </Group>
              {formula.trim() && drivers.length > 0 && !/\bweight\s*\(/.test(formula) && (
                <Text size="xs" c="dimmed" data-testid="weights-unused">
                  {t('scoring.weightsUnused')}
                </Text>
              )}
            </Stack>
          ) : null}
        </div>
        <Text size="xs" c="dimmed">
          {t('scoring.names', { names: [...names, ...[...Object.keys(FUNCTIONS), 'weight'].map((f) => `${f}()`)].join(', ') })}
        </Text>
      </Stack>

      {check.ok && !check.empty && <Preview drivers={toDrivers(drivers)} formula={formula} labels={labels} />}
    </Stack>
  );
}

function Preview({ drivers, formula, labels }: { drivers: CustomDriver[]; formula: string; labels: ScoreLabels }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, number | ''>>({ insights: 6, customers: 4, revenue: 1200 });
  const sampleOf = (name: string, fallback: number) => {
    const v = values[name];
    return v === undefined ? fallback : v;
  };
  const sample: Record<string, number | null> = {};
  for (const d of drivers) {
    const v = sampleOf(d.name, Math.round(((d.min + d.max) / 2) * 100) / 100);
    sample[d.name] = v === '' ? null : v;
  }
  for (const name of EVIDENCE_NAMES) {
    const v = sampleOf(name, 0);
    sample[name] = v === '' ? null : v;
  }
  const explained = explainCustom({ drivers, formula }, sample);
  const inputs = [
    ...drivers.map((d) => ({ name: d.name, label: d.label || d.name, min: d.min, max: d.max })),
    ...EVIDENCE_NAMES.map((n) => ({ name: n, label: labels.field('custom', n), min: 0, max: undefined as number | undefined })),
  ];
  return (
    <Paper withBorder radius="md" p="md" data-testid="formula-preview">
      <Text size="sm" fw={600}>
        {t('scoring.preview')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.previewIntro')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {inputs.map((input) => (
          <NumberInput
            key={input.name}
            size="xs"
            label={input.label}
            value={sample[input.name] ?? ''}
            min={input.min}
            max={input.max}
            onChange={(v) => setValues((prev) => ({ ...prev, [input.name]: typeof v === 'number' ? v : '' }))}
            decimalScale={4}
          />
        ))}
      </SimpleGrid>
      <Group gap="sm" mt="md" align="baseline">
        <Text size="sm" c="dimmed">
          {t('scoring.previewScore')}
        </Text>
        {explained.value === null ? (
          <Text size="sm" c="dimmed" fs="italic">
            {explained.errors.length > 0 ? explained.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : t('scoring.previewMissing')}
          </Text>
        ) : (
          <Badge size="xl" variant="light" data-testid="preview-score">
            {labels.score(Number(explained.value))}
          </Badge>
        )}
      </Group>
      {explained.value !== null && explained.contributions.length > 0 && (
        <Stack gap={6} mt="sm">
          {explained.contributions.map((c) => (
            <Stack key={c.name} gap={2}>
              <Group justify="space-between" gap="xs">
                <Text size="xs">
                  <Text span ff="monospace">
                    {c.name}
                  </Text>{' '}
                  = {c.value}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.share !== null
                    ? `${t('prioritise.explanation.effect', { effect: labels.number(c.effect ?? 0, 2) })} · ${labels.percent(c.share)}`
                    : c.effect !== null
                      ? t('prioritise.explanation.changes', { effect: `${c.effect >= 0 ? '+' : ''}${labels.number(c.effect, 2)}` })
                      : ''}
                </Text>
              </Group>
              {c.share !== null && (
                <div className={scoreClasses.bar}>
                  <div className={scoreClasses.barFill} style={{ width: `${Math.max(2, c.share * 100)}%` }} />
                </div>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
