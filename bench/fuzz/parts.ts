import fc from 'fast-check';
import { deepJsonArb, HOSTILE_KEYS, hostileStringArb, INVALID_UTF8, MALFORMED_JSON, wrongTypeArb } from './hostile.js';
import type { JsonSchema, Parameter } from './openapi.js';
import { boundaryArb, type Refs, validArb } from './schema-arb.js';

/**
 * One pair of arbitraries per part of a request: `valid…` what a correct client sends,
 * `hostile…` what a broken or malicious one does.
 */

/** Values of a parameter: `good` ones name the fuzzing user's own rows; `bad` ones other workspaces' or none. */
export interface Pool {
  good: string[];
  bad: string[];
}

export interface Segment {
  segment: string;
  value: string;
  /** Whether the segment stays one segment: raw and dot segments may be resolved into another route. */
  plain: boolean;
}

export interface FuzzBody {
  /** null sends no Content-Type header. */
  contentType: string | null;
  bytes: Buffer;
}

/** Percent-encodes as a client library would; lone surrogates (not encodable) become U+FFFD first. */
const encode = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));

/** Longest encoded text put in a URL: longer ones hit Node's 16 KB header limit before Cairn sees them. */
const MAX_URL_TEXT = 2_000;
const fitsUrl = (s: string) => encode(s).length <= MAX_URL_TEXT;

/** Path segments sent without encoding: traversal, bad percent-encoding, separators. */
const RAW_SEGMENTS = ['..', '../..', '.', '%2e%2e', '..%2f..%2f', '%00', '%zz', '%', '%E0%A4%A', ';a=b', 'a/b', '%2F', '~', '%C0%AE%C0%AE'];

const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

const plainSegment = (value: string): Segment => {
  const segment = encode(value);
  return { segment, value, plain: segment !== '.' && segment !== '..' };
};

export function validSegmentArb(param: Parameter, pool: Pool | undefined): fc.Arbitrary<Segment> {
  return (pool && pool.good.length > 0 ? fc.constantFrom(...pool.good) : validArb(param.schema).map(text)).map(plainSegment);
}

export function hostileSegmentArb(param: Parameter, pool: Pool | undefined): fc.Arbitrary<Segment> {
  const texts = fc
    .oneof(
      ...(pool && pool.bad.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...pool.bad) }] : []),
      { weight: 2, arbitrary: validArb(param.schema).map(text) },
      { weight: 1, arbitrary: boundaryArb(param.schema).map(text) },
      { weight: 2, arbitrary: hostileStringArb() },
    )
    .filter(fitsUrl);
  return fc.oneof(
    { weight: 9, arbitrary: texts.map(plainSegment) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((segment) => ({ segment, value: segment, plain: false })) },
  );
}

const queryString = (parts: (string | null)[]) => {
  const present = parts.filter((p): p is string => p !== null);
  return present.length > 0 ? `?${present.join('&')}` : '';
};

export function validQueryArb(params: Parameter[], pools: Record<string, Pool>): fc.Arbitrary<string> {
  const each = params.map((p) => {
    const pool = pools[p.name];
    const value =
      pool && pool.good.length > 0 ? fc.oneof(fc.constantFrom(...pool.good), validArb(p.schema).map(text)) : validArb(p.schema).map(text);
    return fc.option(
      value.map((v) => `${p.name}=${encode(v)}`),
      { freq: 2 },
    );
  });
  return fc.tuple(...each).map(queryString);
}

export function hostileQueryArb(params: Parameter[], pools: Record<string, Pool>): fc.Arbitrary<string> {
  const each = params.map((p) =>
    fc.option(
      fc
        .oneof(
          validArb(p.schema).map(text),
          boundaryArb(p.schema).map(text),
          hostileStringArb(),
          fc.constantFrom(...(pools[p.name]?.bad ?? ['x'])),
        )
        .filter(fitsUrl)
        .map((v) => `${p.name}=${encode(v)}`),
      { freq: 2 },
    ),
  );
  const extras = fc.array(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('unknown', '__proto__[x]', 'constructor[prototype][x]', 'stage[]', 'limit', 'cursor', ''),
          fc.constantFrom('1', '', 'x', '-1', '1e9'),
        )
        .map(([k, v]) => `${k}=${v}`),
      fc.constantFrom('%', '%zz=1', 'a=%E0%A4%A', '&&&', '=', 'limit', 'limit=1&limit=2'),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...each), extras).map(([d, e]) => queryString([...d, ...e]));
}

/** A valid object with one thing wrong: a hostile field value, an unknown key, a missing required key, or the wrong type. */
function mutatedArb(schema: JsonSchema, refs: Refs, depth = 0): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const keys = Object.keys(props);
  const required = (schema.required ?? []).filter((k) => k in props);
  const base = validArb(schema, undefined, 0, refs) as fc.Arbitrary<Record<string, unknown>>;
  const fieldValue = (key: string): fc.Arbitrary<unknown> => {
    const prop = props[key]!;
    const nested =
      prop.items?.properties && depth < 2 ? [fc.array(mutatedArb(prop.items, refs, depth + 1), { minLength: 1, maxLength: 2 })] : [];
    return fc.oneof(hostileStringArb(), boundaryArb(prop), wrongTypeArb(), ...nested);
  };
  const options: fc.Arbitrary<unknown>[] = [wrongTypeArb()];
  if (keys.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...keys)).chain(([v, k]) => fieldValue(k).map((x) => ({ ...v, [k]: x }))),
      fc.tuple(base, fc.constantFrom(...HOSTILE_KEYS, 'unknownField'), wrongTypeArb()).map(([v, k, x]) => ({ ...v, [k]: x })),
      // The same hostile text in every string field at once.
      fc.tuple(base, hostileStringArb()).map(([v, h]) => Object.fromEntries(keys.map((k) => [k, props[k]?.type === 'string' ? h : v[k]]))),
    );
  }
  if (required.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k))),
    );
  }
  return fc.oneof(...options);
}

const json = (value: unknown): FuzzBody => ({ contentType: 'application/json', bytes: Buffer.from(JSON.stringify(value) ?? 'null') });

export function validBodyArb(schema: JsonSchema | null, refs: Refs): fc.Arbitrary<FuzzBody | null> {
  return schema ? validArb(schema, undefined, 0, refs).map(json) : fc.constant(null);
}

export function hostileBodyArb(schema: JsonSchema | null, refs: Refs): fc.Arbitrary<FuzzBody | null> {
  const valid = schema ? validArb(schema, undefined, 0, refs) : fc.jsonValue({ maxDepth: 2 });
  const badBytes = fc.tuple(valid, fc.constantFrom(...INVALID_UTF8)).map(([v, bad]): FuzzBody => {
    const marker = 'BADBYTESHERE';
    const textBody = JSON.stringify(v && typeof v === 'object' && !Array.isArray(v) ? { ...v, name: marker } : marker);
    const [before = '', after = ''] = textBody.split(marker);
    return { contentType: 'application/json', bytes: Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]) };
  });
  const deep = fc
    .tuple(deepJsonArb(), fc.boolean())
    .map(([d, inField]): FuzzBody => ({ contentType: 'application/json', bytes: Buffer.from(inField ? `{"name":${d}}` : d) }));
  const malformed = fc.constantFrom(...MALFORMED_JSON).map((t): FuzzBody => ({ contentType: 'application/json', bytes: Buffer.from(t) }));
  const wrongType = fc
    .tuple(
      valid,
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/xml',
        '',
      ),
    )
    .map(([v, contentType]): FuzzBody => ({ contentType, bytes: Buffer.from(JSON.stringify(v) ?? '') }));
  const empty = fc.constantFrom<FuzzBody | null>(
    null,
    { contentType: 'application/json', bytes: Buffer.alloc(0) },
    { contentType: null, bytes: Buffer.from('{}') },
  );
  return fc.oneof(
    { weight: 6, arbitrary: schema ? mutatedArb(schema, refs).map(json) : valid.map(json) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: malformed },
    { weight: 1, arbitrary: badBytes },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: empty },
  );
}

/** If-Match for versioned edits: the fuzzer does not track versions, so small numbers are the valid ones. */
export function validHeadersArb(method: string): fc.Arbitrary<Record<string, string>> {
  return method === 'PATCH' ? fc.constantFrom('"1"', '"2"', '"3"').map((v) => ({ 'if-match': v })) : fc.constant({});
}

export function hostileHeadersArb(method: string): fc.Arbitrary<Record<string, string>> {
  const ifMatch = fc.option(fc.constantFrom('1', 'W/"1"', '*', '"abc"', '"9999999999"', '"-1"', '', '"1", "2"', '"0"'), { freq: 3 });
  const origin = fc.option(fc.constantFrom('http://evil.example', 'null', 'not a url'), { freq: 2 });
  return fc.tuple(method === 'PATCH' ? ifMatch : fc.constant(null), origin).map(([m, o]) => ({
    ...(m !== null && { 'if-match': m }),
    ...(o !== null && { origin: o }),
  }));
}
