import { useCallback, useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { LAST_VISIT } from '../../../shared/api/changes';
import type { Member } from '../../../shared/api/members';
import type { Session } from '../connection/session';
import { changesApi } from './changesApi';
import { summarizeChanges, type ChangeSummary } from './changeSummary';

/** How long the act must have been offline before its return offers the changes again. */
export const REOFFER_AFTER_OFFLINE_MS = 60_000;

/**
 * The offer "12 changes by 3 members since your last visit — Show" (issue 12): asked of the server when the
 * act first syncs, and again when it syncs after a long time offline (the member back from hours without a
 * connection). Only other members' changes count: the reader's own are no news to them. No offer is made
 * without a known last visit, since "since your last visit" would then be untrue.
 */
export function useChangesOffer(session: Session, docId: string, me: Member | null, provider: WebsocketProvider | null, visitedAt: string | null) {
  const [offer, setOffer] = useState<ChangeSummary | null>(null);
  const dismiss = useCallback(() => setOffer(null), []);

  useEffect(() => {
    if (!provider || !me || !visitedAt) return;
    let cancelled = false;
    let asked = false;
    let offlineSince: number | null = null;
    const ask = () => {
      asked = true;
      changesApi.since(session, docId, LAST_VISIT).then(
        (response) => {
          if (cancelled) return;
          const summary = summarizeChanges(response, me.id);
          setOffer(summary.changes > 0 ? summary : null);
        },
        (e: unknown) => console.warn(`[changes] could not read the changes of ${docId} since the last visit: ${(e as Error).message}`),
      );
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      const longOffline = offlineSince !== null && Date.now() - offlineSince >= REOFFER_AFTER_OFFLINE_MS;
      offlineSince = null;
      if (!asked || longOffline) ask();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'disconnected' && offlineSince === null) offlineSince = Date.now();
    };
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    if (provider.synced) onSync(true);
    return () => {
      cancelled = true;
      provider.off('sync', onSync);
      provider.off('status', onStatus);
    };
  }, [session, docId, me, provider, visitedAt]);

  return { offer, dismiss };
}
