import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { createSaveTracker } from '../../../shared/sync/saveTracker';
import { isOpeningFromSnapshot, subscribeOpening } from './snapshotOpen';
import { linkMonitorOf } from '../connection/heartbeat';

/** The socket as the provider reports it: synced with the server, connecting, or offline. */
export type SocketState = 'synced' | 'connecting' | 'offline';

/**
 * What the connection badge says. Beyond the socket: `saving` while the server has not yet confirmed a change
 * made here, `unsent` when changes made here will not reach the server (access ended, or the server refused
 * them), and `closed` when access ended with nothing left unsent.
 */
export type ConnectionState = SocketState | 'saving' | 'unsent' | 'closed';

/** Follows a provider's connection: synced with the server, connecting, or offline. */
export function useConnectionState(provider: WebsocketProvider | null): SocketState {
  const [state, setState] = useState<SocketState>('connecting');
  useEffect(() => {
    if (!provider) return;
    const monitor = linkMonitorOf(provider);
    const update = () =>
      setState(provider.wsconnected && provider.synced ? 'synced' : monitor?.dead ? 'offline' : provider.wsconnected || provider.wsconnecting || isOpeningFromSnapshot(provider) ? 'connecting' : 'offline');
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    const onStatus = () => {
      update();
      // While y-websocket retries it reports "connecting"; after a few seconds without a connection say offline.
      clearTimeout(offlineTimer);
      if (!provider.wsconnected) offlineTimer = setTimeout(() => setState(provider.wsconnected ? 'synced' : 'offline'), 3000);
    };
    provider.on('status', onStatus);
    provider.on('sync', update);
    // The heartbeat found the link dead: offline at once, not after the retry grace above.
    const unsubscribe = monitor?.subscribe(update);
    // The act downloads its snapshot before the socket opens (issue 14): "connecting" meanwhile, not offline.
    const unsubscribeOpening = subscribeOpening(provider, update);
    update();
    return () => {
      unsubscribe?.();
      unsubscribeOpening();
      clearTimeout(offlineTimer);
      provider.off('status', onStatus);
      provider.off('sync', update);
    };
  }, [provider]);
  return state;
}

/** How many changes made in this window the server has not confirmed yet (see shared/sync/saveTracker.ts). */
export function useUnconfirmedChanges(provider: WebsocketProvider | null): number {
  const [unconfirmed, setUnconfirmed] = useState(0);
  useEffect(() => {
    if (!provider) return;
    const tracker = createSaveTracker(provider);
    const update = () => setUnconfirmed(tracker.pending);
    const unsubscribe = tracker.subscribe(update);
    update();
    return () => {
      unsubscribe();
      tracker.destroy();
    };
  }, [provider]);
  return unconfirmed;
}

/** What the act page knows besides the socket, for the badge. */
export interface SaveFacts {
  /** A change made here is not confirmed by the server yet. */
  readonly unconfirmed: boolean;
  /** The member's access ended while the act was open: nothing more reaches the server. */
  readonly accessEnded: boolean;
  /** The server refused this member's edits (permission denied). */
  readonly refused: boolean;
}

/** The badge's state: never "saved" while a change made here is unconfirmed or can no longer be sent. */
export function badgeState(socket: SocketState, facts: SaveFacts): ConnectionState {
  if (facts.accessEnded) return facts.unconfirmed ? 'unsent' : 'closed';
  if (facts.refused) return 'unsent';
  if (socket === 'synced' && facts.unconfirmed) return 'saving';
  return socket;
}
