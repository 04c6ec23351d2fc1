import { describe, expect, test } from 'vitest';
import { connectTimedOut, createLinkWatchdog, HEARTBEAT_DEFAULTS } from './linkWatchdog';

/** Ticks the watchdog every tickMs from `from` to `to`, returning the first non-'none' action and its time. */
function runUntil(watchdog: ReturnType<typeof createLinkWatchdog>, from: number, to: number, busy = false) {
  for (let now = from; now <= to; now += HEARTBEAT_DEFAULTS.tickMs) {
    const action = watchdog.tick({ now, busy });
    if (action !== 'none') return { action, at: now };
  }
  return null;
}

describe('the link watchdog', () => {
  test('a link that goes silent just after a message is called dead within 5 s', () => {
    const watchdog = createLinkWatchdog(0);
    const probe = runUntil(watchdog, 0, 10_000);
    expect(probe).toEqual({ action: 'probe', at: HEARTBEAT_DEFAULTS.quietMs });
    let dead: number | null = null;
    const probes: number[] = [];
    for (let now = probe!.at + HEARTBEAT_DEFAULTS.tickMs; now <= 10_000 && dead === null; now += HEARTBEAT_DEFAULTS.tickMs) {
      const action = watchdog.tick({ now, busy: false });
      if (action === 'probe') probes.push(now);
      if (action === 'dead') dead = now;
    }
    expect(dead).not.toBeNull();
    expect(dead!).toBeLessThan(5000);
    // Probing goes on, once a quiet spell, while the answer is late.
    expect(probes).toEqual([2000, 3000]);
    // Once dead, it stays quiet: the owner reconnects with a new watchdog.
    expect(runUntil(watchdog, dead! + 1, 20_000)).toBeNull();
  });

  test('an answered probe keeps the link alive, and the next probe waits for the next quiet spell', () => {
    const watchdog = createLinkWatchdog(0);
    expect(watchdog.tick({ now: 1000, busy: false })).toBe('probe');
    watchdog.heard(1300);
    expect(watchdog.tick({ now: 2000, busy: false })).toBe('none');
    expect(watchdog.tick({ now: 2300, busy: false })).toBe('probe');
    watchdog.heard(2500);
    expect(runUntil(watchdog, 2500, 3400)).toBeNull();
  });

  test('being told again of the same last message does not count as an answer', () => {
    const watchdog = createLinkWatchdog(0);
    watchdog.heard(500);
    let dead: number | null = null;
    for (let now = 500; now <= 10_000 && dead === null; now += HEARTBEAT_DEFAULTS.tickMs) {
      watchdog.heard(500);
      if (watchdog.tick({ now, busy: false }) === 'dead') dead = now;
    }
    expect(dead).not.toBeNull();
    expect(dead! - 500).toBeLessThan(5000);
  });

  test('a link that keeps delivering messages is never probed', () => {
    const watchdog = createLinkWatchdog(0);
    for (let now = 0; now < 20_000; now += 500) {
      watchdog.heard(now);
      expect(watchdog.tick({ now, busy: false })).toBe('none');
    }
  });

  test('while a large message may be in flight, a late answer is waited for', () => {
    const watchdog = createLinkWatchdog(0);
    expect(watchdog.tick({ now: 1000, busy: true })).toBe('probe');
    for (let now = 1250; now < 1000 + HEARTBEAT_DEFAULTS.busyAnswerMs; now += HEARTBEAT_DEFAULTS.tickMs) expect(watchdog.tick({ now, busy: true })).not.toBe('dead');
    expect(watchdog.tick({ now: 1000 + HEARTBEAT_DEFAULTS.busyAnswerMs, busy: true })).toBe('dead');
  });

  test('a socket that never opens is given up after connectMs', () => {
    expect(connectTimedOut(0, HEARTBEAT_DEFAULTS.connectMs - 1)).toBe(false);
    expect(connectTimedOut(0, HEARTBEAT_DEFAULTS.connectMs)).toBe(true);
  });
});
