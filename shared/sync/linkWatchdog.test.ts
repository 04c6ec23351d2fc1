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
    const dead = runUntil(watchdog, probe!.at + HEARTBEAT_DEFAULTS.tickMs, 10_000);
    expect(dead?.action).toBe('dead');
    expect(dead!.at).toBeLessThan(5000);
    // Once dead, it stays quiet: the owner reconnects with a new watchdog.
    expect(runUntil(watchdog, dead!.at + 1, 20_000)).toBeNull();
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
    expect(runUntil(watchdog, 1250, 1000 + HEARTBEAT_DEFAULTS.busyAnswerMs - 1, true)).toBeNull();
    expect(watchdog.tick({ now: 1000 + HEARTBEAT_DEFAULTS.busyAnswerMs, busy: true })).toBe('dead');
  });

  test('a socket that never opens is given up after connectMs', () => {
    expect(connectTimedOut(0, HEARTBEAT_DEFAULTS.connectMs - 1)).toBe(false);
    expect(connectTimedOut(0, HEARTBEAT_DEFAULTS.connectMs)).toBe(true);
  });
});
