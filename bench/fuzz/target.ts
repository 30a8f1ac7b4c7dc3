import http from 'node:http';
import type { FastifyInstance } from 'fastify';

/** A request as bytes on the wire; the URL is sent exactly as given (no normalisation). */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Who sends it: set-up traffic must not share a client address with fuzzed sign-ins (their throttle). */
  client: 'fuzz' | 'setup';
}

export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface Target {
  send(request: WireRequest): Promise<WireResponse>;
  close(): Promise<void>;
}

/** In-process, through Fastify's inject: fast, and each client gets its own address. */
export function injectTarget(app: FastifyInstance): Target {
  const FUZZ_ADDRESSES = ['10.0.0.1', '10.0.0.2', '10.0.0.3'];
  let n = 0;
  return {
    async send(req) {
      const res = await app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: req.headers,
        ...(req.body !== undefined && { payload: req.body }),
        remoteAddress: req.client === 'setup' ? '127.0.0.1' : FUZZ_ADDRESSES[n++ % FUZZ_ADDRESSES.length],
      });
      return { status: res.statusCode, headers: res.headers, body: res.body };
    },
    async close() {},
  };
}

/**
 * A real server over loopback with node:http, which sends the path untouched (fetch would
 * normalise "../" and refuse some bytes). All clients share 127.0.0.1. One connection per
 * request: after some rejections (413) the server closes the connection, and a reused one
 * would blame the next request.
 */
export function httpTarget(baseUrl: string): Target {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: false });
  return {
    send(req) {
      return new Promise((resolve, reject) => {
        // An explicit length: Node frames GET and DELETE bodies only when told their size.
        const headers = req.body ? { ...req.headers, 'content-length': String(req.body.length) } : req.headers;
        const request = http.request(
          { host: url.hostname, port: url.port, method: req.method, path: req.url, headers, agent, timeout: 30_000 },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
            );
            res.on('error', reject);
          },
        );
        request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
        request.on('error', reject);
        request.end(req.body);
      });
    },
    async close() {
      agent.destroy();
    },
  };
}
