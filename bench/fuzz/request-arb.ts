import fc from 'fast-check';
import type { Operation } from './openapi.js';
import {
  type FuzzBody,
  hostileBodyArb,
  hostileHeadersArb,
  hostileQueryArb,
  hostileSegmentArb,
  type Pool,
  validBodyArb,
  validHeadersArb,
  validQueryArb,
  validSegmentArb,
} from './parts.js';
import type { Refs } from './schema-arb.js';
import type { World } from './world.js';

const VALID_AUTH = ['owner-token', 'owner-session'] as const;
const HOSTILE_AUTH = ['viewer-token', 'session-no-csrf', 'session-wrong-csrf', 'revoked-token', 'malformed', 'none'] as const;
export type AuthVariant = (typeof VALID_AUTH)[number] | (typeof HOSTILE_AUTH)[number];

/** Which part of the request is wrong. One at a time reaches each check; 'many' mixes them. */
const FAULTS = ['none', 'auth', 'path', 'query', 'body', 'headers', 'many'] as const;
type Fault = (typeof FAULTS)[number];
const faultArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Fault>('none') },
  { weight: 2, arbitrary: fc.constant<Fault>('auth') },
  { weight: 2, arbitrary: fc.constant<Fault>('path') },
  { weight: 1, arbitrary: fc.constant<Fault>('query') },
  { weight: 4, arbitrary: fc.constant<Fault>('body') },
  { weight: 1, arbitrary: fc.constant<Fault>('headers') },
  { weight: 2, arbitrary: fc.constant<Fault>('many') },
);

/** One generated request, before credentials are attached (sessions change during a run). */
export interface FuzzRequest {
  op: string;
  fault: Fault;
  method: string;
  url: string;
  auth: AuthVariant;
  /** The Authorization header sent with the 'malformed' variant. */
  malformedAuth: string;
  headers: Record<string, string>;
  body: FuzzBody | null;
  /** A path parameter names the other workspace or one of its rows: the request must not succeed. */
  namesOther: boolean;
}

const malformedAuthArb = fc.constantFrom(
  'Bearer',
  'Bearer ',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer cairn_invalid',
  'bearer a b',
  'cairn_x',
  'Bearer ../../etc/passwd',
);

/** The pool for a path parameter: by collection first (/products/{id} → 'products/id'), then by name. */
function poolFor(op: Operation, name: string, world: World): Pool | undefined {
  const collection = /\/([^/{}]+)\/\{[^}]+\}$/.exec(op.path.slice(0, op.path.indexOf(`{${name}}`) + name.length + 2))?.[1];
  return world.pools[`${collection}/${name}`] ?? world.pools[name];
}

function operationArb(op: Operation, world: World, refs: Refs): fc.Arbitrary<FuzzRequest> {
  return faultArb.chain((fault) => {
    const bad = (part: Fault) => fault === part || fault === 'many';
    return fc
      .record({
        params: fc.tuple(...op.pathParams.map((p) => (bad('path') ? hostileSegmentArb : validSegmentArb)(p, poolFor(op, p.name, world)))),
        query: (bad('query') ? hostileQueryArb : validQueryArb)(op.queryParams, world.pools),
        auth: fc.constantFrom<AuthVariant>(...(bad('auth') ? HOSTILE_AUTH : VALID_AUTH)),
        malformedAuth: malformedAuthArb,
        headers: (bad('headers') ? hostileHeadersArb : validHeadersArb)(op.method),
        body: (bad('body') ? hostileBodyArb : validBodyArb)(op.body, refs),
      })
      .map((r) => {
        let path = op.path;
        op.pathParams.forEach((p, i) => {
          path = path.replace(`{${p.name}}`, r.params[i]!.segment);
        });
        return {
          op: op.id,
          fault,
          method: op.method,
          url: `${path}${r.query}`,
          auth: r.auth,
          malformedAuth: r.malformedAuth,
          headers: r.headers,
          body: r.body,
          namesOther: r.params.every((p) => p.plain) && r.params.some((p) => world.otherIds.has(p.value)),
        };
      });
  });
}

/**
 * Requests for every operation of the document, equally often. Body fields that reference
 * rows (productId, ids, …) mostly get ids the fuzzing user owns, so requests get past the
 * existence checks. Build it again when the world's pools change.
 */
export function requestArb(ops: Operation[], world: World): fc.Arbitrary<FuzzRequest> {
  const owned = [...new Set(Object.values(world.pools).flatMap((p) => p.good))].filter((v) => /^[0-9a-f]{8}-/.test(v));
  const refs: Refs = (field) => (/(^id|Id)s?$/.test(field) ? owned : []);
  return fc.oneof(...ops.map((op) => operationArb(op, world, refs)));
}
