import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DIALECTS, setupOwner, startTestApp } from '../testing/harness.js';

/**
 * Behind a proxy, the client address comes from X-Forwarded-For, whose left part the client
 * writes itself. Only what trusted proxies appended may be believed, or a client can dodge
 * the sign-in throttle and the rate limit by sending a new address every time.
 */
let n = 0;
const spoofed = () => `198.18.${(n >> 8) & 255}.${n++ & 255}`;

describe.each(DIALECTS)('client address behind a proxy on %s', (dialect) => {
  const cases = [
    // The nearest proxy (127.0.0.1, where inject connects from) appended the real client.
    { env: 'true', remoteAddress: '127.0.0.1', forwarded: (s: string) => `${s}, 203.0.113.7` },
    { env: '1', remoteAddress: '127.0.0.1', forwarded: (s: string) => `${s}, 203.0.113.7` },
    // Two proxies: a load balancer at 10.0.0.5 in front of a local nginx.
    { env: '2', remoteAddress: '127.0.0.1', forwarded: (s: string) => `${s}, 203.0.113.7, 10.0.0.5` },
    { env: 'loopback, 10.0.0.0/8', remoteAddress: '127.0.0.1', forwarded: (s: string) => `${s}, 203.0.113.7, 10.0.0.5` },
    // A client that reaches Cairn directly, not through the trusted proxy.
    { env: '10.0.0.0/8,127.0.0.1', remoteAddress: '203.0.113.7', forwarded: (s: string) => s },
  ];

  for (const c of cases) {
    it(`does not let a spoofed X-Forwarded-For dodge the sign-in throttle (CAIRN_TRUST_PROXY=${c.env})`, async () => {
      const t = await startTestApp(dialect, { trustProxy: loadConfig({ CAIRN_TRUST_PROXY: c.env }).trustProxy });
      try {
        await setupOwner(t.app);
        const attempt = () =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: c.remoteAddress,
            headers: { 'x-forwarded-for': c.forwarded(spoofed()) },
            payload: { email: 'owner@example.com', password: 'wrong password' },
          });
        for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
        expect((await attempt()).statusCode).toBe(429);
      } finally {
        await t.close();
      }
    });
  }

  it('does not let a spoofed X-Forwarded-For dodge the rate limit', async () => {
    const t = await startTestApp(dialect, { rateLimit: 5, trustProxy: loadConfig({ CAIRN_TRUST_PROXY: 'true' }).trustProxy });
    try {
      const get = (client: string) =>
        t.app.inject({ method: 'GET', url: '/api/v1/setup', headers: { 'x-forwarded-for': `${spoofed()}, ${client}` } });
      for (let i = 0; i < 5; i++) expect((await get('203.0.113.7')).statusCode).toBe(200);
      const limited = await get('203.0.113.7');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      // Another client behind the same proxy has its own allowance.
      expect((await get('203.0.113.8')).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
