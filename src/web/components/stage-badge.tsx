import { Badge, type BadgeProps } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../domain/lifecycle.js';
import classes from './stage-badge.module.css';

export const STAGE_COLORS: Record<Stage, string> = {
  conception: 'violet',
  build: 'blue',
  launch: 'orange',
  growth: 'teal',
  decline: 'yellow',
  retired: 'gray',
};

/** Text colours per stage: deep in the light theme, pale in the dark one. */
const TEXT: Record<Stage, { light: string; dark: string }> = {
  conception: { light: '#5f3dc4', dark: '#b197fc' },
  build: { light: '#1864ab', dark: '#74c0fc' },
  launch: { light: '#a63c06', dark: '#ffc078' },
  growth: { light: '#06694c', dark: '#63e6be' },
  decline: { light: '#805600', dark: '#ffe066' },
  retired: { light: '#495057', dark: '#ced4da' },
};

export function StageBadge({ stage, style, ...props }: { stage: Stage } & BadgeProps) {
  const { t } = useTranslation();
  const vars = {
    '--stage-bg': `var(--mantine-color-${STAGE_COLORS[stage]}-light)`,
    '--stage-text-light': TEXT[stage].light,
    '--stage-text-dark': TEXT[stage].dark,
  } as CSSProperties;
  return (
    <Badge className={classes.badge} style={{ ...vars, ...(style as CSSProperties | undefined) }} data-stage={stage} {...props}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}
