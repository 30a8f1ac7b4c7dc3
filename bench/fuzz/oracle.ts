import { ERRORS } from '../../src/contract/errors.js';
import type { FuzzRequest } from './request-arb.js';
import type { WireRequest, WireResponse } from './target.js';
import type { World } from './world.js';

export type FindingKind = 'server-error' | 'not-problem-json' | 'leak' | 'other-workspace-success' | 'write-on-reject' | 'no-answer';

export interface Finding {
  kind: FindingKind;
  op: string;
  status: number;
  message: string;
  request: string;
  response: string;
}

const preview = (s: string, n = 400) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

export function describeRequest(req: FuzzRequest, wire: WireRequest): string {
  const headers = Object.entries(wire.headers)
    .filter(([k]) => k !== 'cookie' && k !== 'authorization')
    .map(([k, v]) => `${k}: ${preview(v, 80)}`);
  const body = wire.body ? `\n${preview(wire.body.toString('utf8'))}` : '';
  return `${wire.method} ${preview(wire.url, 300)} [auth: ${req.auth}]${headers.length ? `\n${headers.join('\n')}` : ''}${body}`;
}

export function describeResponse(res: WireResponse): string {
  return `${res.status} ${String(res.headers['content-type'] ?? '')}\n${preview(res.body)}`;
}

function parseProblem(body: string): { code?: unknown; status?: unknown } | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** What must hold for every answer, whatever was sent. */
export function judge(req: FuzzRequest, res: WireResponse, wrote: boolean, world: World): { kind: FindingKind; message: string }[] {
  const found: { kind: FindingKind; message: string }[] = [];
  if (res.status >= 500) found.push({ kind: 'server-error', message: `answered ${res.status}` });
  if (res.status >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    const problem = parseProblem(res.body);
    if (!type.startsWith('application/problem+json')) found.push({ kind: 'not-problem-json', message: `content-type "${type}"` });
    else if (!problem || typeof problem.code !== 'string' || !(problem.code in ERRORS))
      found.push({ kind: 'not-problem-json', message: 'no code from the catalogue' });
    else if (problem.status !== res.status)
      found.push({ kind: 'not-problem-json', message: `body status ${String(problem.status)} ≠ ${res.status}` });
  }
  const everything = `${res.body}\n${JSON.stringify(res.headers)}`;
  const leaked = world.markers.filter((m) => everything.includes(m));
  if (leaked.length > 0) found.push({ kind: 'leak', message: `answer contains the other workspace's ${leaked.join(', ')}` });
  if (req.namesOther && res.status >= 200 && res.status < 300) {
    found.push({ kind: 'other-workspace-success', message: 'a request naming the other workspace (or its rows) in its path succeeded' });
  }
  if (wrote && (res.status < 200 || res.status >= 300))
    found.push({ kind: 'write-on-reject', message: `the database changed although the answer was ${res.status}` });
  return found;
}
