import { checkTransition, STAGES } from '../../src/domain/lifecycle.js';
import type { MicroCase } from './types.js';

const PAIRS = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));

/** Lifecycle rules run on every stage move and in the UI to grey out impossible moves. */
export function lifecycleCases(): MicroCase[] {
  return [
    {
      name: `checkTransition: all ${PAIRS.length * 2} moves`,
      fn: () => {
        let allowed = 0;
        for (const [from, to] of PAIRS) {
          if (checkTransition(from, to).allowed) allowed += 1;
          if (checkTransition(from, to, 'because').allowed) allowed += 1;
        }
        return allowed;
      },
    },
  ];
}
