/**
 * What `zod` is in the web bundle. The web app uses the contract for its types and for
 * each route's method and path; it never validates with the schemas at run time (the
 * server does, and answers problem+json). Building the schemas would still ship all of
 * zod (~40 KB gzip) and run it at start-up, so vite.config.ts points `zod` here: every
 * schema becomes an inert chain that accepts any builder call.
 *
 * Parsing through this stub throws, so a screen that starts validating with a contract
 * schema fails loudly; remove the alias in vite.config.ts if that is ever wanted.
 */
const PARSERS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'decode', 'encode', 'safeDecode', 'safeEncode']);

function refuse(): never {
  throw new Error('zod is stubbed in the web build (see src/web/build/zod-stub.ts): schemas cannot parse in the browser.');
}

const chain: unknown = new Proxy(function schema() {}, {
  get(_target, key) {
    if (typeof key === 'string' && PARSERS.has(key)) return refuse;
    if (key === Symbol.toPrimitive) return () => '[zod schema]';
    if (key === 'then') return undefined; // never mistaken for a promise
    return chain;
  },
  apply: () => chain,
  construct: () => chain as object,
});

export const z = chain;
export default chain;
