import { describe, expect, it } from 'vitest';
import { ConfigError, fastifyTrustProxy, loadConfig } from './config.js';

describe('CAIRN_TRUST_PROXY', () => {
  const trust = (value: string | undefined) => loadConfig(value === undefined ? {} : { CAIRN_TRUST_PROXY: value }).trustProxy;

  it('trusts no proxy by default', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
  });

  it('reads true as one hop: only the nearest proxy is believed', () => {
    expect(trust('true')).toBe(1);
    expect(trust('TRUE')).toBe(1);
    expect(trust('2')).toBe(2);
  });

  it('reads a list of proxy addresses, ranges and named ranges', () => {
    expect(trust('loopback')).toEqual(['loopback']);
    expect(trust('10.0.0.0/8, 127.0.0.1,::1,fd00::/8,uniquelocal')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'uniquelocal']);
  });

  it('refuses anything else with a message that says what to write', () => {
    for (const bad of ['yes', '11', '10.0.0.0/33', '::1/129', '10.0.0', 'loopback,,', '10.0.0.0/8/1', '-1']) {
      expect(() => trust(bad), bad).toThrow(ConfigError);
    }
    expect(() => trust('10.0.0.0/33')).toThrow(
      /CAIRN_TRUST_PROXY: not a proxy address or range: "10\.0\.0\.0\/33"\. Use false, true \(= 1/,
    );
    expect(() => trust('11')).toThrow(/CAIRN_TRUST_PROXY: at most 10 proxy hops/);
  });

  it('gives Fastify a function for hop counts (its own number option trusts nothing)', () => {
    const fn = fastifyTrustProxy(2);
    expect(typeof fn).toBe('function');
    if (typeof fn !== 'function') return;
    expect([fn('127.0.0.1', 0), fn('10.0.0.5', 1), fn('198.18.0.1', 2)]).toEqual([true, true, false]);
    expect(fastifyTrustProxy(false)).toBe(false);
    expect(fastifyTrustProxy(['loopback'])).toEqual(['loopback']);
  });
});
