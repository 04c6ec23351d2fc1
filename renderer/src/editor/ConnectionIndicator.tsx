import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';

/** What the connection indicator shows. */
export type ConnectionState = 'synced' | 'connecting' | 'offline';

/** Follows a provider's connection: synced with the server, connecting, or offline. */
export function useConnectionState(provider: WebsocketProvider | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => {
    if (!provider) return;
    const update = () => setState(provider.wsconnected && provider.synced ? 'synced' : provider.wsconnected || provider.wsconnecting ? 'connecting' : 'offline');
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    const onStatus = () => {
      update();
      // While y-websocket retries it reports "connecting"; after a few seconds without a connection say offline.
      clearTimeout(offlineTimer);
      if (!provider.wsconnected) offlineTimer = setTimeout(() => setState(provider.wsconnected ? 'synced' : 'offline'), 3000);
    };
    provider.on('status', onStatus);
    provider.on('sync', update);
    update();
    return () => {
      clearTimeout(offlineTimer);
      provider.off('status', onStatus);
      provider.off('sync', update);
    };
  }, [provider]);
  return state;
}

/** A small coloured badge with the connection state, in words. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <span className={`sj-connection sj-connection-${state}`} data-state={state} role="status" title={t(`status.${state}`)}>
      <span className="sj-dot" aria-hidden="true" />
      {t(`status.${state}`)}
    </span>
  );
}
