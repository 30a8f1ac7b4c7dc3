import { Badge, type BadgeProps, Group, Text, Tooltip } from '@mantine/core';
import { IconBuildingStore, IconDots, IconFileImport, IconHeadset, IconListCheck, IconMessages, IconWorld } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureStatusValue, ImportanceValue, InsightSourceValue, InsightStatusValue } from '../../api/discovery.js';
import classes from '../stage-badge.module.css';

/** Text colours per tint: deep in the light theme, pale in the dark one (WCAG AA on the tint). */
const TEXT: Record<string, { light: string; dark: string }> = {
  cairn: { light: '#333caa', dark: '#b6baef' },
  teal: { light: '#06694c', dark: '#63e6be' },
  grape: { light: '#862e9c', dark: '#e599f7' },
  gray: { light: '#495057', dark: '#ced4da' },
  cyan: { light: '#0b6375', dark: '#66d9e8' },
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

const STATUS_COLOR: Record<InsightStatusValue, string> = { new: 'cairn', triaged: 'teal', linked: 'grape', archived: 'gray' };

export function InsightStatusBadge({ status, ...props }: { status: InsightStatusValue } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <TintBadge color={STATUS_COLOR[status]} data-status={status} {...props}>
      {t(`discovery.statuses.${status}`)}
    </TintBadge>
  );
}

const IMPORTANCE_COLOR: Record<ImportanceValue, string> = { nice_to_have: 'gray', important: 'orange', critical: 'red' };

/** Importance as a small dot and label; the dot alone when compact (label in the tooltip). */
export function ImportanceMark({ importance, compact = false }: { importance: ImportanceValue; compact?: boolean }) {
  const { t } = useTranslation();
  const label = t(`discovery.importance.${importance}`);
  const style = {
    display: 'inline-block',
    width: 8,
    height: 8,
    borderRadius: 4,
    flex: 'none',
    background: `var(--mantine-color-${IMPORTANCE_COLOR[importance]}-${importance === 'nice_to_have' ? 4 : 6})`,
  } as const;
  if (compact)
    return (
      <Tooltip label={label}>
        <span role="img" aria-label={label} style={style} />
      </Tooltip>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden style={style} />
      <Text size="xs" c="dimmed" span>
        {label}
      </Text>
    </Group>
  );
}

export const SOURCE_ICONS: Record<InsightSourceValue, typeof IconHeadset> = {
  interview: IconMessages,
  support: IconHeadset,
  sales: IconBuildingStore,
  survey: IconListCheck,
  portal: IconWorld,
  import: IconFileImport,
  other: IconDots,
};

export function SourceLabel({ source }: { source: InsightSourceValue }) {
  const { t } = useTranslation();
  const Icon = SOURCE_ICONS[source];
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={13} stroke={1.7} aria-hidden style={{ flex: 'none', color: 'var(--mantine-color-dimmed)' }} />
      <Text size="xs" c="dimmed" span>
        {t(`discovery.sources.${source}`)}
      </Text>
    </Group>
  );
}

const FEATURE_COLOR: Record<FeatureStatusValue, string> = {
  idea: 'gray',
  discovery: 'cyan',
  planned: 'cairn',
  in_progress: 'orange',
  released: 'teal',
  measured: 'green',
  wont_do: 'red',
};

export function FeatureStatusBadge({ status, ...props }: { status: FeatureStatusValue } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <TintBadge color={FEATURE_COLOR[status]} {...props}>
      {t(`discovery.featureStatuses.${status}`)}
    </TintBadge>
  );
}
