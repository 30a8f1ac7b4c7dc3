import { Group, Input, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { normalisePeriod, type PeriodInput, type PeriodKind } from '../../../domain/strategy/index.js';
import { localToday, usePeriodLabel } from './okr.js';

const KINDS: PeriodKind[] = ['quarter', 'half', 'year', 'custom'];

/** A sensible period to start from: the current quarter. */
export function defaultPeriod(today = localToday()): PeriodInput {
  return { kind: 'quarter', year: Number(today.slice(0, 4)), number: Math.ceil(Number(today.slice(5, 7)) / 3) };
}

/** Changes the kind, keeping the year and picking the part that contains today when it can. */
function switchKind(value: PeriodInput, kind: PeriodKind, today: string): PeriodInput {
  const year = value.year ?? Number((value.start ?? today).slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'quarter') return { kind, year, number: Math.ceil(month / 3) };
  if (kind === 'half') return { kind, year, number: Math.ceil(month / 6) };
  if (kind === 'year') return { kind, year };
  const period = normalisePeriod(value);
  return period.ok ? { kind, start: period.period.start, end: period.period.end } : { kind, start: today, end: today };
}

/**
 * Picks a period the way people say it: a quarter, a half or a year of a given year, or two
 * dates. Shows the days it covers, so "H2" is never ambiguous.
 */
export function PeriodPicker({
  value,
  onChange,
  errors = {},
}: {
  value: PeriodInput;
  onChange: (value: PeriodInput) => void;
  errors?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const { i18n } = useTranslation();
  const dayFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long', timeZone: 'UTC' });
  const day = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));
  const today = localToday();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);
  if (value.year !== undefined && !years.includes(value.year)) years.push(value.year);
  const normalised = normalisePeriod(value);
  const yearSelect = (
    <Select
      label={t('strategy.period.year')}
      data={years.sort((a, b) => a - b).map((y) => ({ value: String(y), label: String(y) }))}
      value={value.year !== undefined ? String(value.year) : null}
      onChange={(y) => y && onChange({ ...value, year: Number(y) })}
      allowDeselect={false}
      w={110}
      error={errors['period.year']}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <Stack gap={8} role="group" aria-label={t('strategy.period.label')}>
      <Input.Label>{t('strategy.period.label')}</Input.Label>
      <SegmentedControl
        aria-label={t('strategy.period.kind')}
        data={KINDS.map((kind) => ({ value: kind, label: t(`strategy.period.kinds.${kind}`) }))}
        value={value.kind}
        onChange={(kind) => onChange(switchKind(value, kind as PeriodKind, today))}
        fullWidth
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        {value.kind === 'custom' ? (
          <>
            <TextInput
              type="date"
              label={t('strategy.period.start')}
              value={value.start ?? ''}
              onChange={(e) => onChange({ ...value, start: e.currentTarget.value })}
              error={errors['period.start']}
              w={170}
            />
            <TextInput
              type="date"
              label={t('strategy.period.end')}
              value={value.end ?? ''}
              onChange={(e) => onChange({ ...value, end: e.currentTarget.value })}
              error={errors['period.end']}
              w={170}
            />
          </>
        ) : (
          <>
            {yearSelect}
            {value.kind !== 'year' && (
              <Stack gap={4}>
                <Input.Label id="period-number-label">
                  {value.kind === 'quarter' ? t('strategy.period.quarter') : t('strategy.period.half')}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby="period-number-label"
                  data={(value.kind === 'quarter' ? [1, 2, 3, 4] : [1, 2]).map((n) => ({
                    value: String(n),
                    label: `${value.kind === 'quarter' ? t('strategy.period.quarterLetter') : t('strategy.period.halfLetter')}${n}`,
                  }))}
                  value={String(value.number ?? 1)}
                  onChange={(n) => onChange({ ...value, number: Number(n) })}
                />
              </Stack>
            )}
          </>
        )}
      </Group>
      <Text size="xs" c={normalised.ok ? 'dimmed' : 'red'} data-testid="period-summary">
        {normalised.ok
          ? t('strategy.period.covers', {
              label: label(normalised.period),
              start: day(normalised.period.start),
              end: day(normalised.period.end),
            })
          : t('strategy.period.invalid')}
      </Text>
    </Stack>
  );
}
