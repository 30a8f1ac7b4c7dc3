import { type Icon, IconChartLine, IconListCheck, IconRocket, IconRoute, IconRun, IconTarget } from '@tabler/icons-react';

/** Areas of the product that are designed but not built yet; each gets an honest page. */
export const AREAS = ['strategy', 'roadmap', 'backlog', 'sprints', 'releases', 'metrics'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ICONS: Record<Area, Icon> = {
  strategy: IconTarget,
  roadmap: IconRoute,
  backlog: IconListCheck,
  sprints: IconRun,
  releases: IconRocket,
  metrics: IconChartLine,
};

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && (AREAS as readonly string[]).includes(value);
}
