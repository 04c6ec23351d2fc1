import type { WebsocketProvider } from 'y-websocket';
import { connectTimedOut, createLinkWatchdog, HEARTBEAT_DEFAULTS, MESSAGE_HEARTBEAT, type LinkWatchdog } from '../../../shared/sync/linkWatchdog';

/** What the heartbeat knows of a provider's link beyond what y-websocket reports. */
export interface LinkMonitor {
  /** True from the moment the heartbeat found the link dead until a socket opens again. */
  readonly dead: boolean;
  /** Calls the listener when `dead` changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const monitors = new WeakMap<WebsocketProvider, LinkMonitor>();

/** The heartbeat of a provider, if one was attached. */
export function linkMonitorOf(provider: WebsocketProvider): LinkMonitor | undefined {
  return monitors.get(provider);
}

/**
 * Watches a provider's socket with an app-level heartbeat (issue 14, part 3). y-websocket on its own notices a
 * dead link only after 30 s without any message, and a socket whose handshake is blackholed never. Here a
 * probe goes out after a quiet second; when the server's answer does not come, the link is called dead at once
 * (the badge says offline) and the provider reconnects with its own backoff.
 */
export function attachHeartbeat(provider: WebsocketProvider, options: Partial<typeof HEARTBEAT_DEFAULTS> = {}): LinkMonitor {
  const tickMs = options.tickMs ?? HEARTBEAT_DEFAULTS.tickMs;
  const listeners = new Set<() => void>();
  let dead = false;
  let watchdog: LinkWatchdog | null = null;
  let watchedSocket: WebSocket | null = null;
  let connectingSince: number | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  const setDead = (value: boolean) => {
    if (dead === value) return;
    dead = value;
    for (const listener of listeners) listener();
  };

  // The server's answer needs no handling beyond being a message: y-websocket stamps wsLastMessageReceived.
  provider.messageHandlers[MESSAGE_HEARTBEAT] = () => undefined;

  const giveUp = () => {
    watchdog = null;
    watchedSocket = null;
    connectingSince = null;
    setDead(true);
    if (!provider.shouldConnect) return;
    // disconnect() drops the socket without waiting for a close handshake that a dead link never completes.
    provider.disconnect();
    const delay = Math.min(2 ** provider.wsUnsuccessfulReconnects * 100, provider.maxBackoffTime);
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => provider.connect(), delay);
  };

  const tick = () => {
    const now = Date.now();
    const ws = provider.ws;
    if (!ws) {
      connectingSince = null;
      return;
    }
    if (provider.wsconnecting) {
      connectingSince ??= now;
      if (connectTimedOut(connectingSince, now, options.connectMs)) giveUp();
      return;
    }
    connectingSince = null;
    if (!provider.wsconnected) return;
    if (watchedSocket !== ws || !watchdog) {
      watchedSocket = ws;
      watchdog = createLinkWatchdog(now, options);
    }
    watchdog.heard(provider.wsLastMessageReceived);
    // Before the first sync, or with our own bytes still queued, the answer may rightly wait behind them.
    const busy = !provider.synced || ws.bufferedAmount > 0;
    const action = watchdog.tick({ now, busy });
    if (action === 'probe') ws.send(Uint8Array.of(MESSAGE_HEARTBEAT));
    else if (action === 'dead') giveUp();
  };

  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') setDead(false);
  };
  provider.on('status', onStatus);
  const interval = setInterval(tick, tickMs);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    clearInterval(interval);
    clearTimeout(reconnectTimer);
    provider.off('status', onStatus);
    listeners.clear();
    destroy();
  };

  const monitor: LinkMonitor = {
    get dead() {
      return dead;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  monitors.set(provider, monitor);
  return monitor;
}
