import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('blocks an address after ten failures within a minute, and forgets them after', () => {
    const throttle = new LoginThrottle(10, 60_000);
    for (let i = 0; i < 9; i++) throttle.recordFailure('1.2.3.4', 1_000 + i);
    expect(throttle.isBlocked('1.2.3.4', 2_000)).toBe(false);
    throttle.recordFailure('1.2.3.4', 2_000);
    expect(throttle.isBlocked('1.2.3.4', 2_001)).toBe(true);
    expect(throttle.isBlocked('5.6.7.8', 2_001)).toBe(false);
    expect(throttle.retryAfterSeconds('1.2.3.4', 2_001)).toBe(59);
    expect(throttle.isBlocked('1.2.3.4', 61_500)).toBe(false);
  });
});
