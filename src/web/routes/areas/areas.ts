import { type Icon, IconChartLine, IconListCheck, IconRocket, IconRoute, IconRun, IconTarget } from '@tabler/icons-react';

/** Strategy is built: its link and icon (it left the areas below). */
export const STRATEGY_ICON: Icon = IconTarget;

/** Areas of the product that are designed but not built yet; each gets an honest page. */
export const AREAS = ['roadmap', 'backlog', 'sprints', 'releases', 'metrics'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ICONS: Record<Area, Icon> = {
  roadmap: IconRoute,
  backlog: IconListCheck,
  sprints: IconRun,
  releases: IconRocket,
  metrics: IconChartLine,
};

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && (AREAS as readonly string[]).includes(value);
}
