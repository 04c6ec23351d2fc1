/**
 * The heartbeat's message on the sync socket (issue 14, part 3). A client that has heard nothing for a while
 * sends this one byte; the server answers with the same byte at once. It is not a y-websocket type (0-3):
 * stock clients never send it, so they never receive it either. Browsers cannot send WebSocket pings, so the
 * probe has to be a message of our own.
 */
export const MESSAGE_HEARTBEAT = 0x48;

/** How the link is watched: probe after a quiet spell, and call it dead when the answer does not come. */
export const HEARTBEAT_DEFAULTS = {
  /** A probe goes out after this long with nothing received. */
  quietMs: 1000,
  /** A probe unanswered this long means a dead link: quietMs + answerMs + one tick stays under 5 s. */
  answerMs: 3000,
  /**
   * While a large message may still be on its way (the first sync of a long act on a slow line, or our own
   * unsent bytes ahead of the probe), the answer waits behind it: allow this long instead.
   */
  busyAnswerMs: 30_000,
  /** A socket that has not opened after this long is given up and tried again. */
  connectMs: 10_000,
  /** How often the watchdog looks. */
  tickMs: 250,
  /** The server pings each socket this often and drops one that did not answer the previous ping. */
  serverPingMs: 5000,
} as const;

/** What the watchdog asks its owner to do on a tick. */
export type WatchdogAction = 'none' | 'probe' | 'dead';

/** What the socket is doing, as the owner sees it at a tick. */
export interface LinkFacts {
  readonly now: number;
  /** True while a large message may be in flight, so an answer may rightly be late. */
  readonly busy: boolean;
}

/** The pure decision of the heartbeat, with the clock passed in (the browser wiring is renderer/src/connection/heartbeat.ts). */
export interface LinkWatchdog {
  /** The socket opened, or anything arrived on it: the link is alive now. */
  heard(now: number): void;
  /** Decides what to do now: send a probe, declare the link dead, or nothing. */
  tick(facts: LinkFacts): WatchdogAction;
}

/** Creates the watchdog of one socket, alive at `openedAt`. */
export function createLinkWatchdog(openedAt: number, options: Partial<typeof HEARTBEAT_DEFAULTS> = {}): LinkWatchdog {
  const quietMs = options.quietMs ?? HEARTBEAT_DEFAULTS.quietMs;
  const answerMs = options.answerMs ?? HEARTBEAT_DEFAULTS.answerMs;
  const busyAnswerMs = options.busyAnswerMs ?? HEARTBEAT_DEFAULTS.busyAnswerMs;
  let lastHeard = openedAt;
  /** When the unanswered probe went out, or null when none is outstanding. */
  let probeSentAt: number | null = null;
  let dead = false;
  return {
    heard(now) {
      lastHeard = Math.max(lastHeard, now);
      probeSentAt = null;
    },
    tick({ now, busy }) {
      if (dead) return 'none';
      if (probeSentAt === null) {
        if (now - lastHeard < quietMs) return 'none';
        probeSentAt = now;
        return 'probe';
      }
      if (now - probeSentAt < (busy ? busyAnswerMs : answerMs)) return 'none';
      dead = true;
      return 'dead';
    },
  };
}

/** Whether a socket still connecting after `startedAt` should be given up. */
export function connectTimedOut(startedAt: number, now: number, connectMs: number = HEARTBEAT_DEFAULTS.connectMs): boolean {
  return now - startedAt >= connectMs;
}
