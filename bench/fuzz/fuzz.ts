import fc from 'fast-check';
import { type Operation, operationsOf } from './openapi.js';
import { describeRequest, describeResponse, type Finding, judge } from './oracle.js';
import type { Probe } from './probe.js';
import { type FuzzRequest, requestArb } from './request-arb.js';
import type { Target, WireRequest, WireResponse } from './target.js';
import { buildWorld, refreshWorld, renewOwnerSession, type World } from './world.js';

export interface FuzzOptions {
  target: Target;
  probe: Probe;
  requests: number;
  seed: number;
  /** Hard bound on the run's length. */
  maxSeconds?: number;
  log?: (line: string) => void;
}

export interface OperationStats {
  sent: number;
  ok: number;
  /** 4xx answers by problem code. */
  clientErrors: Record<string, number>;
  serverErrors: number;
  /** Anything else (no answer, 1xx, 3xx). */
  other: number;
  /** Time spent waiting for answers. */
  ms: number;
}

export interface FuzzReport {
  seed: number;
  sent: number;
  seconds: number;
  operations: Record<string, OperationStats>;
  /** One entry per kind of finding and operation (with how many requests hit it), first example kept. */
  findings: (Finding & { count: number })[];
}

const BATCH = 50;

function toWire(req: FuzzRequest, world: World): WireRequest {
  const headers: Record<string, string> = { ...req.headers };
  const session = world.ownerSession;
  switch (req.auth) {
    case 'owner-token':
      headers.authorization = `Bearer ${world.ownerToken}`;
      break;
    case 'viewer-token':
      headers.authorization = `Bearer ${world.viewerToken}`;
      break;
    case 'revoked-token':
      headers.authorization = `Bearer ${world.revokedToken}`;
      break;
    case 'malformed':
      headers.authorization = req.malformedAuth;
      break;
    case 'owner-session':
      Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
      break;
    case 'session-no-csrf':
      headers.cookie = session.cookie;
      break;
    case 'session-wrong-csrf':
      Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': `${session.csrf.slice(0, -2)}xx` });
      break;
    case 'none':
      break;
  }
  if (req.body?.contentType) headers['content-type'] = req.body.contentType;
  return { method: req.method, url: req.url, headers, client: 'fuzz', ...(req.body && { body: req.body.bytes }) };
}

function tally(stats: OperationStats, res: WireResponse | null): void {
  stats.sent += 1;
  if (!res) stats.other += 1;
  else if (res.status >= 200 && res.status < 300) stats.ok += 1;
  else if (res.status >= 500) stats.serverErrors += 1;
  else if (res.status >= 400) {
    let code = String(res.status);
    try {
      code = String((JSON.parse(res.body) as { code?: unknown }).code ?? code);
    } catch {
      // counted under the bare status
    }
    stats.clientErrors[code] = (stats.clientErrors[code] ?? 0) + 1;
  } else stats.other += 1;
}

const HARVEST_LIMIT = 20;
/** Cairn's request body limit (1 MiB). */
const BODY_LIMIT = 1024 * 1024;

/** Ids the server hands out (a created row, a listed page) become valid values for later requests. */
function harvest(op: Operation, res: WireResponse, world: World): void {
  const collection = /\/([^/{}]+)$/.exec(op.path)?.[1];
  if (!collection || !String(res.headers['content-type'] ?? '').includes('json')) return;
  const body = JSON.parse(res.body) as { id?: unknown; items?: { id?: unknown }[] } | null;
  const ids = [body?.id, ...(Array.isArray(body?.items) ? body.items.slice(0, 5).map((i) => i?.id) : [])].filter(
    (id): id is string => typeof id === 'string' && !world.protectedIds.has(id),
  );
  if (ids.length === 0) return;
  const key = `${collection}/id`;
  const pool = world.pools[key] ?? { good: [], bad: [] };
  pool.good = [...new Set([...ids, ...pool.good])].slice(0, HARVEST_LIMIT);
  world.pools[key] = pool;
}

/**
 * Sends generated requests one at a time (so a database change can be pinned on the request
 * that made it) and checks every answer against the oracle.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { target, probe, log = () => {} } = options;
  const started = performance.now();
  const deadline = started + (options.maxSeconds ?? 3_600) * 1000;
  const doc = await target.send({ method: 'GET', url: '/api/v1/openapi.json', headers: {}, client: 'setup' });
  const ops: Operation[] = operationsOf(JSON.parse(doc.body));
  const opsById = new Map(ops.map((op) => [op.id, op]));
  const world = await buildWorld(target);
  const report: FuzzReport = { seed: options.seed, sent: 0, seconds: 0, operations: {}, findings: [] };
  for (const op of ops) report.operations[op.id] = { sent: 0, ok: 0, clientErrors: {}, serverErrors: 0, other: 0, ms: 0 };
  const record = (finding: Finding) => {
    const same = report.findings.find((f) => f.kind === finding.kind && f.op === finding.op && f.status === finding.status);
    if (same) same.count += 1;
    else report.findings.push({ ...finding, count: 1 });
  };

  let before = await probe.fingerprint();
  let sessions = 0;
  for (let batch = 0; report.sent < options.requests && performance.now() < deadline; batch += 1) {
    // Each batch gets its own seed, spread so that nearby run seeds do not share batches.
    const seed = (options.seed * 1_000_003 + batch * 7_919) | 0;
    const requests = fc.sample(requestArb(ops, world), { seed, numRuns: Math.min(BATCH, options.requests - report.sent) });
    for (const req of requests) {
      const wire = toWire(req, world);
      let res: WireResponse | null = null;
      const sentAt = performance.now();
      try {
        res = await target.send(wire);
      } catch (error) {
        // Closing the connection on a body past the limit is how HTTP servers refuse it; anything else is a finding.
        if (!((wire.body?.length ?? 0) > BODY_LIMIT && /EPIPE|ECONNRESET/.test((error as Error).message)))
          record({
            kind: 'no-answer',
            op: req.op,
            status: 0,
            message: (error as Error).message,
            request: describeRequest(req, wire),
            response: '',
          });
      }
      report.sent += 1;
      const stats = report.operations[req.op]!;
      stats.ms += performance.now() - sentAt;
      tally(stats, res);
      const after = await probe.fingerprint();
      if (res) {
        for (const f of judge(req, res, after !== before, world)) {
          record({ ...f, op: req.op, status: res.status, request: describeRequest(req, wire), response: describeResponse(res) });
        }
      }
      before = after;
      const succeeded = res !== null && res.status < 300;
      if (succeeded && req.op === 'logout' && req.auth === 'owner-session') await renewOwnerSession(target, world, ++sessions);
      if (succeeded && (req.method === 'DELETE' || req.method === 'PATCH')) await refreshWorld(target, world);
      if (succeeded) {
        harvest(opsById.get(req.op)!, res!, world);
        before = await probe.fingerprint();
      }
    }
    if (batch % 20 === 19) log(`  ${report.sent} requests, ${report.findings.length} kinds of finding`);
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
