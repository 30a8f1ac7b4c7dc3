import type { Api } from '../lib/api.js';
import type { Known, Ledger } from './ledger.js';

/** How the answers looked while the writers ran. */
export interface WriteStats {
  createsAcked: number;
  updatesAcked: number;
  /** Non-2xx answers, keyed "status code" (e.g. "503 unavailable"). */
  failures: Record<string, number>;
  /** Non-2xx answers that were not application/problem+json with a code. */
  notProblems: string[];
  /** Requests that got no HTTP answer (connection refused or reset, timeout). */
  noAnswer: number;
  /** Updates sent whose outcome is unknown (no answer, or a 5xx). */
  uncertain: number;
  /** Time of the last 2xx answer (performance.now()). */
  lastOkAt: number;
}

export interface Writers {
  stats: WriteStats;
  /** Asks the writers to stop and waits for them. */
  stop(): Promise<WriteStats>;
  /** Resolves when every writer has stopped (stop() called, deadline passed, or, if asked, the server is gone). */
  done: Promise<WriteStats>;
}

export interface WriterOptions {
  workers: number;
  /** Stop a writer at its first request without an HTTP answer: the server was killed. */
  stopWhenUnreachable: boolean;
  /** Hard bound on how long the writers run. */
  maxMs: number;
}

type Product = { id: string; version: number; name: string; vision: string };

/**
 * Concurrent writers: each creates products and updates its own (so writers never race each
 * other for a version), recording in the ledger everything the server acknowledges.
 */
export function startWriters(api: Api, workspace: string, ledger: Ledger, options: WriterOptions): Writers {
  const stats: WriteStats = { createsAcked: 0, updatesAcked: 0, failures: {}, notProblems: [], noAnswer: 0, uncertain: 0, lastOkAt: 0 };
  const deadline = performance.now() + options.maxMs;
  let stopping = false;
  const base = `/api/v1/workspaces/${workspace}/products`;

  const fail = (status: number, contentType: string | null, text: string) => {
    let code = '?';
    try {
      code = String((JSON.parse(text) as { code?: unknown }).code ?? '?');
    } catch {
      // not JSON: reported below
    }
    const key = `${status} ${code}`;
    stats.failures[key] = (stats.failures[key] ?? 0) + 1;
    if (!contentType?.startsWith('application/problem+json') || code === '?') stats.notProblems.push(`${status} ${text.slice(0, 200)}`);
  };

  async function create(owner: number, n: number): Promise<string | null> {
    const body = { name: `Crash w${owner} #${n}`, vision: `created by writer ${owner}, op ${n}` };
    const res = await api.request<Product>('POST', base, body);
    if (res.status !== 201) {
      fail(res.status, res.headers.get('content-type'), res.text);
      return null;
    }
    ledger.set(res.json.id, { id: res.json.id, version: res.json.version, name: res.json.name, vision: res.json.vision, pending: [] });
    stats.createsAcked += 1;
    stats.lastOkAt = performance.now();
    return res.json.id;
  }

  async function update(owner: number, n: number, known: Known): Promise<void> {
    const vision = `updated by writer ${owner}, op ${n}`;
    known.pending.push(vision);
    const res = await api.request<Product & { current?: Product }>(
      'PATCH',
      `${base}/${known.id}`,
      { vision },
      { 'if-match': `"${known.version}"` },
    );
    if (res.status === 200) {
      stats.updatesAcked += 1;
      stats.lastOkAt = performance.now();
    } else fail(res.status, res.headers.get('content-type'), res.text);
    // A 409 carries the committed row (an earlier uncertain update did land); a 5xx may or may not have committed.
    const product = res.status === 200 ? res.json : res.status === 409 ? (res.json.current ?? null) : null;
    if (product) Object.assign(known, { version: product.version, name: product.name, vision: product.vision, pending: [] });
    else if (res.status < 500) known.pending.pop();
    else stats.uncertain += 1;
  }

  async function writer(owner: number): Promise<void> {
    const mine: string[] = [];
    for (let n = 0; !stopping && performance.now() < deadline; n += 1) {
      const updating = mine.length > 0 && Math.random() >= 0.4;
      try {
        if (updating) await update(owner, n, ledger.get(mine[Math.floor(Math.random() * mine.length)]!)!);
        else {
          const id = await create(owner, n);
          if (id) mine.push(id);
        }
      } catch {
        // No HTTP answer: an update stays pending (it may have committed).
        stats.noAnswer += 1;
        if (updating) stats.uncertain += 1;
        if (options.stopWhenUnreachable) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  const done = Promise.all(Array.from({ length: options.workers }, (_, k) => writer(k))).then(() => stats);
  return {
    stats,
    done,
    async stop() {
      stopping = true;
      return done;
    },
  };
}
