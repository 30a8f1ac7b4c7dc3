import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('blocks an address after ten attempts within a minute, and forgets them after', () => {
    const throttle = new LoginThrottle(10, 60_000);
    for (let i = 0; i < 9; i++) expect(throttle.reserve('1.2.3.4', 1_000 + i)).not.toBeNull();
    expect(throttle.isBlocked('1.2.3.4', 2_000)).toBe(false);
    expect(throttle.reserve('1.2.3.4', 2_000)).not.toBeNull();
    expect(throttle.isBlocked('1.2.3.4', 2_001)).toBe(true);
    expect(throttle.reserve('1.2.3.4', 2_001)).toBeNull();
    expect(throttle.isBlocked('5.6.7.8', 2_001)).toBe(false);
    expect(throttle.retryAfterSeconds('1.2.3.4', 2_001)).toBe(59);
    expect(throttle.isBlocked('1.2.3.4', 61_500)).toBe(false);
  });

  it('gives back the attempt of a success, and only that one', () => {
    const throttle = new LoginThrottle(3, 60_000);
    const first = throttle.reserve('1.2.3.4', 1_000);
    throttle.reserve('1.2.3.4', 1_000);
    throttle.reserve('1.2.3.4', 1_001);
    expect(throttle.reserve('1.2.3.4', 1_002)).toBeNull();
    throttle.release(first!);
    // Two failures remain: one more attempt, then blocked again.
    expect(throttle.reserve('1.2.3.4', 1_003)).not.toBeNull();
    expect(throttle.reserve('1.2.3.4', 1_004)).toBeNull();
    // Releasing twice or after expiry changes nothing.
    throttle.release(first!);
    expect(throttle.isBlocked('1.2.3.4', 1_005)).toBe(true);
  });
});
