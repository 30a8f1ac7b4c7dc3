import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../domain/lifecycle.js';

export const STAGE_COLORS: Record<Stage, string> = {
  conception: 'violet',
  build: 'blue',
  launch: 'orange',
  growth: 'teal',
  decline: 'yellow',
  retired: 'gray',
};

export function StageBadge({ stage, ...props }: { stage: Stage } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" {...props}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}
