import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

/**
 * fast-check arbitraries derived from JSON Schema: `validArb` produces values the schema
 * accepts (most of the time — patterns and formats are approximated), `boundaryArb` values at
 * and just past its limits.
 */

const INT32 = 2 ** 31 - 1;

/** Existing ids a field may reference, by field name (e.g. productId); empty when none are known. */
export type Refs = (field: string) => string[];
const noRefs: Refs = () => [];

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function stringArb(schema: JsonSchema, name: string | undefined, refs: Refs): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    const known = name ? refs(name) : [];
    return known.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, fc.uuid({ version: 7 }))
      : fc.uuid({ version: 7 });
  }
  if (schema.format === 'email' || name === 'email') return fc.emailAddress();
  if (schema.pattern)
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }));
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -INT32;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? INT32;
  if (integer) {
    const lo = Math.max(Math.ceil(min), -INT32);
    const hi = Math.min(Math.floor(max), INT32);
    // Small values near the minimum matter most (versions, limits); the whole range too.
    return fc.oneof(fc.integer({ min: lo, max: Math.min(hi, lo + 5) }), fc.integer({ min: lo, max: hi }));
  }
  return fc.double({
    min,
    max,
    noNaN: true,
    minExcluded: schema.exclusiveMinimum !== undefined,
    maxExcluded: schema.exclusiveMaximum !== undefined,
  });
}

/** Values the schema accepts. `depth` bounds recursion through nested objects and arrays. */
export function validArb(schema: JsonSchema, name?: string, depth = 0, refs: Refs = noRefs): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArb(s, name, depth, refs)));
  const kinds = types(schema);
  if (kinds.length === 0 || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...kinds.map((kind): fc.Arbitrary<unknown> => {
      switch (kind) {
        case 'string':
          return stringArb(schema, name, refs);
        case 'integer':
          return numberArb(schema, true);
        case 'number':
          return numberArb(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return fc.array(validArb(schema.items ?? {}, name, depth + 1, refs), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 5, 5),
          });
        default:
          return objectArb(schema, depth, refs);
      }
    }),
  );
}

function objectArb(schema: JsonSchema, depth: number, refs: Refs): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  if (Object.keys(props).length === 0 && typeof schema.additionalProperties === 'object') {
    return fc.dictionary(
      validArb(schema.propertyNames ?? { type: 'string', maxLength: 40 }) as fc.Arbitrary<string>,
      validArb(schema.additionalProperties, undefined, depth + 1, refs),
      { maxKeys: 5 },
    );
  }
  const arbs = Object.fromEntries(Object.entries(props).map(([key, s]) => [key, validArb(s, key, depth + 1, refs)]));
  return fc.record(arbs, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
}

/** Values at the schema's limits and one step past them. */
export function boundaryArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const picks: unknown[] = [];
  const kinds = types(schema);
  if (kinds.includes('string')) {
    for (const n of [schema.minLength, schema.maxLength]) {
      if (n === undefined) continue;
      picks.push('x'.repeat(n), 'é'.repeat(n), '😀'.repeat(n));
      picks.push('x'.repeat(n + 1));
      if (n > 0) picks.push('x'.repeat(n - 1));
    }
    picks.push('', ' ', '   ');
  }
  if (kinds.includes('integer') || kinds.includes('number')) {
    for (const n of [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum]) {
      if (n !== undefined) picks.push(n, n - 1, n + 1);
    }
    picks.push(0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324);
  }
  if (kinds.includes('array')) {
    const item = schema.items?.enum?.[0] ?? {};
    for (const n of [schema.minItems, schema.maxItems]) if (n !== undefined) picks.push(Array(n + 1).fill(item), Array(n).fill(item));
    picks.push([]);
  }
  if (kinds.includes('object')) picks.push({});
  return picks.length > 0 ? fc.constantFrom(...picks) : fc.constantFrom(null, '', 0);
}
