import fs from 'node:fs';
import path from 'node:path';
import { describeMachine, gitCommit, machine } from '../lib/machine.js';
import { RESULTS_DIR } from '../lib/paths.js';
import { markdownTable } from '../lib/table.js';
import type { Table } from './figures.js';

export interface Section {
  title: string;
  /** Paragraphs before the table(s). */
  notes?: string[];
  tables: Table[];
}

/** Above this 1-minute load average, other work shared the two cores with the measurement. */
const QUIET_LOAD = 0.3;

/** The header every report starts with: what was measured, where and when. */
export function reportHeader(title: string, settings: string, loadBefore: number[]): string {
  return [
    `# ${title}`,
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${gitCommit()}`,
    `- Machine: ${describeMachine(machine())}`,
    `- Load average before the run (1/5/15 min): ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} — ${
      (loadBefore[0] ?? 0) > QUIET_LOAD ? 'other processes were using the CPU: figures are pessimistic' : 'a quiet machine'
    }`,
    `- Settings: ${settings}`,
    '',
    '',
  ].join('\n');
}

export function renderSections(sections: Section[]): string {
  return sections
    .map((s) =>
      [
        `## ${s.title}`,
        '',
        ...(s.notes ?? []).flatMap((n) => [n, '']),
        ...s.tables.flatMap((t) => [markdownTable(t.headers, t.rows, t.align), '']),
      ].join('\n'),
    )
    .join('\n');
}

/** Writes (or, with append, adds to) a report under bench/results and returns its path. */
export function writeReport(file: string, content: string, options: { append?: boolean } = {}): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const target = path.join(RESULTS_DIR, file);
  if (options.append) fs.appendFileSync(target, `\n${content}`);
  else fs.writeFileSync(target, content);
  return target;
}
