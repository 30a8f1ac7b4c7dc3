import {
  buildTree,
  flattenTree,
  keyResultProgress,
  objectiveProgress,
  periodContaining,
  progressHealth,
  shiftPeriod,
} from '../../src/domain/strategy/index.js';
import type { MicroCase } from './types.js';

const COUNT = 10_000;
const TODAY = '2026-12-03';

/**
 * The OKR screen's domain work: nesting 10,000 objectives (chains four levels deep under one goal in four, a
 * root) into the alignment tree in title order, and every objective's progress and health from
 * three key results each. The screen does both on every load.
 */
function objectives() {
  const quarter = periodContaining('quarter', TODAY);
  const items: {
    id: string;
    parentId: string | null;
    title: string;
    period: ReturnType<typeof shiftPeriod>;
    krs: { baseline: number; target: number; current: number | null; direction: 'increase' }[];
  }[] = [];
  for (let k = 0; k < COUNT; k++) {
    const parentId = k % 4 === 0 ? null : `o${k - 1}`;
    items.push({
      id: `o${k}`,
      parentId,
      title: `Objective ${(k * 7919) % COUNT}`,
      period: shiftPeriod(quarter, (k % 12) - 6),
      krs: [0, 1, 2].map((j) => ({
        baseline: 10 * j,
        target: 10 * j + 100,
        current: (k + j) % 5 === 0 ? null : 10 * j + ((k * 17 + j * 29) % 120),
        direction: 'increase' as const,
      })),
    });
  }
  return items;
}

export function strategyCases(): MicroCase[] {
  const items = objectives();
  return [
    {
      name: `alignment tree: ${COUNT.toLocaleString('en-US')} objectives, title order`,
      fn: () => flattenTree(buildTree(items, (a, b) => a.title.localeCompare(b.title))).length,
      targetMs: 100,
    },
    {
      name: `OKR progress + health: ${COUNT.toLocaleString('en-US')} objectives × 3 key results`,
      fn: () => {
        let onTrack = 0;
        for (const o of items) {
          const progress = objectiveProgress(o.krs.map(keyResultProgress));
          if (progressHealth(progress, o.period, TODAY) === 'on_track') onTrack += 1;
        }
        return onTrack;
      },
      targetMs: 50,
    },
  ];
}
