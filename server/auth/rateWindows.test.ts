import { describe, expect, test } from 'vitest';
import { createRateWindows } from './rateWindows';

/** A clock the test moves by hand. */
function manualClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('rate windows', () => {
  test('a key gets its limit per window, then is refused until its window ends', () => {
    const clock = manualClock();
    const table = createRateWindows({ limit: 3, windowMs: 60_000, maxKeys: 10, now: clock.now });
    expect([1, 2, 3, 4].map(() => table.hit('10.0.0.1').allowed)).toEqual([true, true, true, false]);
    clock.advance(59_000);
    const refused = table.hit('10.0.0.1');
    expect(refused).toMatchObject({ allowed: false, count: 5, retryAfterMs: 1_000, overflow: false });
    expect(table.hit('10.0.0.2').allowed).toBe(true);
    clock.advance(1_000);
    expect(table.hit('10.0.0.1')).toMatchObject({ allowed: true, count: 1 });
  });

  test('many other addresses cannot evict or reset an address that is over its limit', () => {
    const clock = manualClock();
    const table = createRateWindows({ limit: 20, windowMs: 60_000, maxKeys: 100, now: clock.now });
    for (let i = 0; i < 21; i += 1) table.hit('203.0.113.7');
    expect(table.hit('203.0.113.7').allowed).toBe(false);
    // An attacker with 100 000 addresses, one request each, within the same minute.
    let overflowed = 0;
    for (let i = 0; i < 100_000; i += 1) {
      clock.advance(0.5);
      if (table.hit(`198.51.${i >> 8}.${i & 255}`).overflow) overflowed += 1;
    }
    expect(table.size).toBeLessThanOrEqual(100);
    expect(overflowed).toBeGreaterThan(99_000);
    // The limited address is still limited: its count was neither dropped nor restarted.
    const after = table.hit('203.0.113.7');
    expect(after.allowed).toBe(false);
    expect(after.count).toBe(23);
  });

  test('unknown keys beyond the bound share one overflow bucket with the same limit', () => {
    const clock = manualClock();
    const table = createRateWindows({ limit: 5, windowMs: 60_000, maxKeys: 2, now: clock.now });
    table.hit('a');
    table.hit('b');
    const overflow = ['c', 'd', 'e', 'f', 'g', 'h'].map((key) => table.hit(key));
    expect(overflow.every((v) => v.overflow)).toBe(true);
    expect(overflow.map((v) => v.allowed)).toEqual([true, true, true, true, true, false]);
    // The keys with a place keep their own counts.
    expect(table.hit('a')).toMatchObject({ allowed: true, count: 2, overflow: false });
  });

  test('a key whose window has ended gives its place to a new key; one whose window runs keeps it', () => {
    const clock = manualClock();
    const table = createRateWindows({ limit: 1, windowMs: 60_000, maxKeys: 2, now: clock.now });
    table.hit('old');
    clock.advance(30_000);
    table.hit('recent');
    clock.advance(30_000);
    // 'old' started 60 s ago, so its window has ended; 'recent' has 30 s left.
    expect(table.hit('new').overflow).toBe(false);
    expect(table.hit('recent')).toMatchObject({ allowed: false, count: 2, overflow: false });
    expect(table.hit('newer').overflow).toBe(true);
    expect(table.size).toBe(2);
  });

  test('the overflow bucket starts again when its window ends', () => {
    const clock = manualClock();
    const table = createRateWindows({ limit: 1, windowMs: 1_000, maxKeys: 1, now: clock.now });
    table.hit('a');
    expect(table.hit('b').allowed).toBe(true);
    expect(table.hit('c').allowed).toBe(false);
    clock.advance(1_000);
    // 'a' starts a new window and keeps the only place; the bucket's window has ended, so it counts afresh.
    expect(table.hit('a')).toMatchObject({ allowed: true, count: 1, overflow: false });
    expect(table.hit('d')).toMatchObject({ allowed: true, count: 1, overflow: true });
    expect(table.hit('e')).toMatchObject({ allowed: false, count: 2, overflow: true });
  });
});
