import { Badge, type BadgeProps, Group, Progress, Text, Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Health,
  isoToday,
  type Period,
  type PeriodKind,
  periodContaining,
  periodLabel,
  progressHealth,
} from '../../../domain/strategy/index.js';
import type { ObjectiveStatusValue } from '../../api/strategy.js';
import classes from '../../components/stage-badge.module.css';
import '../../i18n/strategy.js';

/** Today in the person's own time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return isoToday(new Date(now.getTime() - now.getTimezoneOffset() * 60_000));
}

export function currentQuarter(today = localToday()): Period {
  return periodContaining('quarter', today);
}

/** "Q1 2027" / "T1 2027", "H2 2026" / "S2 2026", "2027", or two dates in the interface language. */
export function usePeriodLabel() {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'medium', timeZone: 'UTC' });
  return (period: { kind: PeriodKind; start: string; end: string }) =>
    periodLabel(period, {
      quarter: t('strategy.period.quarterLetter'),
      half: t('strategy.period.halfLetter'),
      formatDay: (day) => format.format(new Date(`${day}T00:00:00Z`)),
      separator: ' – ',
    });
}

const HEALTH_COLOR: Record<Health, string> = {
  no_data: 'gray',
  not_started: 'gray',
  achieved: 'green',
  on_track: 'teal',
  at_risk: 'orange',
  off_track: 'red',
};

export function healthOf(progress: number | null, period: Period, today = localToday()): Health {
  return progressHealth(progress, period, today);
}

/** Progress as a bar and a percentage, coloured by how it compares with the time gone by. */
export function ProgressMeter({
  progress,
  period,
  width = 120,
  size = 'sm',
  testId,
}: {
  progress: number | null;
  period?: Period | undefined;
  width?: number | string;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  testId?: string;
}) {
  const { t } = useTranslation();
  const health: Health = period ? healthOf(progress, period) : progress === null ? 'no_data' : progress >= 1 ? 'achieved' : 'on_track';
  const percent = progress === null ? null : Math.round(progress * 100);
  const label = percent === null ? t('strategy.progress.none') : t('strategy.progress.percent', { percent });
  return (
    <Tooltip label={`${label} · ${t(`strategy.health.${health}`)}`} withinPortal>
      <Group gap={8} wrap="nowrap" data-health={health}>
        <Progress.Root size={size} radius="xl" w={width} style={{ flex: typeof width === 'string' ? 1 : 'none' }}>
          <Progress.Section
            value={percent ?? 0}
            color={HEALTH_COLOR[health]}
            aria-label={t('strategy.progress.label')}
            aria-valuetext={label}
          />
        </Progress.Root>
        <Text size="xs" fw={600} c={percent === null ? 'dimmed' : undefined} w={38} ta="right" data-testid={testId}>
          {percent === null ? '—' : `${percent} %`}
        </Text>
      </Group>
    </Tooltip>
  );
}

export function HealthBadge({ health, ...props }: { health: Health } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <TintBadge color={HEALTH_COLOR[health]} data-health={health} {...props}>
      {t(`strategy.health.${health}`)}
    </TintBadge>
  );
}

const STATUS_COLOR: Record<ObjectiveStatusValue, string> = {
  draft: 'gray',
  active: 'cairn',
  achieved: 'green',
  missed: 'red',
  dropped: 'gray',
};

/** Text colours per tint: deep in the light theme, pale in the dark one (WCAG AA on the tint). */
const TEXT: Record<string, { light: string; dark: string }> = {
  cairn: { light: '#333caa', dark: '#b6baef' },
  teal: { light: '#06694c', dark: '#63e6be' },
  gray: { light: '#495057', dark: '#ced4da' },
  orange: { light: '#a63c06', dark: '#ffc078' },
  green: { light: '#2b7a3b', dark: '#8ce99a' },
  red: { light: '#b02525', dark: '#ffa8a8' },
};

function TintBadge({ color, style, ...props }: { color: string } & BadgeProps & { children: string }) {
  const vars = {
    '--stage-bg': `var(--mantine-color-${color}-light)`,
    '--stage-text-light': TEXT[color]?.light,
    '--stage-text-dark': TEXT[color]?.dark,
  } as CSSProperties;
  return <Badge className={classes.badge} size="sm" style={{ ...vars, ...(style as CSSProperties | undefined) }} {...props} />;
}

export function ObjectiveStatusBadge({ status, ...props }: { status: ObjectiveStatusValue } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <TintBadge color={STATUS_COLOR[status]} data-status={status} {...props}>
      {t(`strategy.statuses.${status}`)}
    </TintBadge>
  );
}
