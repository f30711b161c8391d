import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../gateway/src/rate-limit';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RateLimiter', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    const c = clock();
    const limiter = new RateLimiter({ perSecond: 2, burst: 3, now: c.now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    c.advance(499);
    expect(limiter.take('a')).toBeGreaterThan(0);
    c.advance(2);
    expect(limiter.take('a')).toBe(0);
    // A refused request costs nothing: after a long pause the whole burst is back, never more.
    c.advance(60_000);
    expect([0, 1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0, 1]);
  });

  it('keeps clients apart and tells how long to wait', () => {
    const c = clock();
    const limiter = new RateLimiter({ perSecond: 0.25, burst: 1, now: c.now });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(4);
    expect(limiter.take('b')).toBe(0);
  });

  it('is off at 0 per second', () => {
    const limiter = new RateLimiter({ perSecond: 0, burst: 1 });
    expect(Array.from({ length: 100 }, () => limiter.take('a')).every((w) => w === 0)).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('bounds its memory: the least recently used client goes, and starts again with a full burst', () => {
    const c = clock();
    const limiter = new RateLimiter({ perSecond: 1, burst: 2, maxClients: 3, now: c.now });
    limiter.take('old');
    limiter.take('old');
    expect(limiter.take('old')).toBe(1);
    limiter.take('x');
    limiter.take('y');
    limiter.take('z');
    expect(limiter.size).toBe(3);
    // 'old' was least recently used, so it went; its next request starts with a full burst.
    expect(limiter.take('old')).toBe(0);
    expect(limiter.size).toBe(3);
    // 'x' went in turn; 'y' kept its bucket (one token left of two).
    expect(limiter.take('y')).toBe(0);
    expect(limiter.take('y')).toBe(1);
  });

});
