import type { Dialect } from '../../src/server/db/connection.js';
import type { CaseResult, HttpReport } from '../http/run-http.js';
import { fmt, verdict } from '../lib/table.js';
import type { MicroResult } from '../micro/run.js';

/** Server memory promise: resident set under this with the largest collection. */
const RSS_TARGET_MB = 200;

export interface Table {
  headers: string[];
  rows: string[][];
  align: ('left' | 'right')[];
}

function ratioOf(r: CaseResult): number {
  return r.limit ? r.load.rps / r.limit.rps : Number.NaN;
}

function failures(r: CaseResult): string {
  const failed: Record<string, number> = {};
  for (const phase of [r.latency, r.load])
    for (const [status, n] of Object.entries(phase.failed)) failed[status] = (failed[status] ?? 0) + n;
  const parts = Object.entries(failed).map(([status, n]) => `${n}×${status}`);
  const errors = r.latency.errors + r.load.errors;
  if (errors > 0) parts.push(`${errors} errors`);
  return parts.join(' ') || '0';
}

/** One row per case and size; targets judged where they apply, with PASS/FAIL beside them. */
export function httpTable(report: HttpReport, dialect: Dialect, connections: number): Table {
  const rows = report.cases.map((r) => {
    const t = r.case.target;
    const applies = t.dialect === undefined || t.dialect === dialect;
    const p99 = t.p99Ms !== undefined && applies ? `< ${t.p99Ms} ms ${verdict(r.latency.p99 < t.p99Ms)}` : '';
    const ratio = ratioOf(r);
    const ratioTarget = t.minRatio !== undefined && applies ? `≥ ${t.minRatio} ${verdict(ratio >= t.minRatio)}` : '';
    return [
      fmt.int(r.size),
      r.case.name,
      fmt.ms(r.latency.p50),
      fmt.ms(r.latency.p90),
      fmt.ms(r.latency.p99),
      p99,
      fmt.int(r.load.rps),
      fmt.ms(r.load.p99),
      r.limit ? fmt.int(r.limit.rps) : '—',
      fmt.ratio(ratio),
      ratioTarget,
      failures(r),
    ];
  });
  const c = `${connections} conn`;
  return {
    headers: [
      'items',
      'case',
      'p50',
      'p90',
      'p99',
      'p99 target',
      `req/s ${c}`,
      `p99 ${c}`,
      'limit req/s',
      'ratio',
      'ratio target',
      'non-2xx',
    ],
    rows,
    align: ['right', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'left', 'right'],
  };
}

export function memoryTable(report: HttpReport): Table {
  const rows = [
    ['0 (idle)', fmt.mb(report.idle.rssMb), fmt.mb(report.idle.peakMb), '', '—'],
    ...report.sizes.map((s) => [
      fmt.int(s.size),
      fmt.mb(s.memory.rssMb),
      fmt.mb(s.memory.peakMb),
      `< ${RSS_TARGET_MB} MB ${verdict(s.memory.peakMb < RSS_TARGET_MB)}`,
      `${fmt.int(s.inserted)} in ${s.seedSeconds.toFixed(1)} s`,
    ]),
  ];
  return {
    headers: ['items', 'server RSS', 'peak RSS', 'target (peak)', 'bulk-seeded'],
    rows,
    align: ['right', 'right', 'right', 'left', 'right'],
  };
}

export function microTable(results: MicroResult[]): Table {
  return {
    headers: ['micro-benchmark', 'mean', 'p50', 'p99', 'samples', 'target (p99)'],
    rows: results.map((m) => [
      m.name,
      fmt.ms(m.meanMs),
      fmt.ms(m.p50Ms),
      fmt.ms(m.p99Ms),
      fmt.int(m.samples),
      m.targetMs === undefined ? '' : `< ${m.targetMs} ms ${verdict(m.p99Ms < m.targetMs)}`,
    ]),
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
  };
}
