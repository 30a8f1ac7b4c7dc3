export type Align = 'left' | 'right';

/** A plain-text table with aligned columns, for the terminal. */
export function textTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown. */
export function markdownTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map((_, c) => (align[c] === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export const fmt = {
  ms: (n: number) =>
    !Number.isFinite(n) ? '—' : n === 0 ? '0 ms' : n < 0.01 ? `${(n * 1000).toFixed(2)} µs` : `${n.toFixed(n < 10 ? 2 : 1)} ms`,
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—'),
  mb: (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} MB` : '—'),
  ratio: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—'),
};

/** PASS/FAIL beside a figure that has a target, blank when it has none. */
export function verdict(pass: boolean | null): string {
  return pass === null ? '' : pass ? 'PASS' : 'FAIL';
}
