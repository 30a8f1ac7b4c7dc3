import fc from 'fast-check';

/** Strings an attacker or a broken client would send, for every string position. */
const HOSTILE_STRINGS = [
  // path traversal
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '/dev/zero',
  'file:///etc/passwd',
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE products; --",
  '" OR ""="',
  '1; select pg_sleep(5) --',
  "') UNION SELECT id, email, password_hash FROM users --",
  '%',
  '_',
  '\\',
  // HTML / script / templates
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  // JSON / prototype
  '__proto__',
  'constructor',
  '{"$ne": null}',
  // control and odd unicode
  '\u0000',
  'a\u0000b',
  '\r\nX-Injected: 1',
  '\u202eevil\u202c',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  'Ω≈ç√∫˜µ≤≥÷',
  '🏳️‍🌈👨‍👩‍👧‍👦',
  'Z̸̡̛̖̗͇̲̝̱̙̼̊̒̔̈́͑͌̕͜a̷̧̤̜̗̟̯̾l̶̡̡̙̼͈g̶̛͔̰o̵',
  // numbers and keywords as text
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'undefined',
  'true',
  ' ',
];

/** Very long strings: past every field limit, some past the 1 MB body limit. */
const HUGE_LENGTHS = [10_000, 100_000, 1_100_000];

export function hostileStringArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('A', 'é', '\u0000', "'")).map(([n, c]) => c.repeat(n)),
    },
  );
}

/** A value of any JSON type: what a client sends when it gets the type wrong. */
export function wrongTypeArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 10 }),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  );
}

/** JSON nested far deeper than any real payload, as text (building it as objects would overflow our own stack). */
export function deepJsonArb(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(100, 10_000, 200_000), fc.constantFrom('array', 'object'))
    .map(([depth, kind]) =>
      kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    );
}

/** Bodies that are not valid JSON text. */
export const MALFORMED_JSON = [
  '{',
  '{"name":',
  "{'name': 'x'}",
  '{"name": "x",}',
  'NaN',
  '[1, 2',
  '{"a":1}{"b":2}',
  'nul',
  '\u0000',
  '""',
  '{"name": "\\ud800"}',
  '{"name": "\\x41"}',
];

/** Byte sequences that are not UTF-8, to put inside an otherwise valid JSON string. */
export const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0x80], // overlong NUL
  [0xe2, 0x82], // truncated 3-byte sequence
  [0x80], // lone continuation byte
  [0xed, 0xa0, 0x80], // UTF-16 surrogate encoded in UTF-8
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
];

/** Keys that target prototype pollution or confuse naive merges. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '', ' ', 'toString', 'hasOwnProperty', '$where', 'a.b', 'a[0]'];
