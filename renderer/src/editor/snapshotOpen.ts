import type { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SNAPSHOT_DEFAULTS, stateVectorParam } from '../../../shared/sync/snapshotContract';
import type { Session } from '../connection/session';
import { downloadSnapshot, type SnapshotProgress } from './snapshotDownload';

/** The origin of the snapshot's transaction: not the provider's, so y-indexeddb stores it like any update. */
export const SNAPSHOT_ORIGIN = 'sajaro:snapshot';

/**
 * Providers whose act is downloading its snapshot and whose last attempt did not fail: the connection badge
 * says "connecting" for them rather than "offline" (the socket is not open yet, on purpose). A failed attempt
 * clears it, so a server that is away still shows as offline at once.
 */
const opening = new WeakMap<WebsocketProvider, { active: boolean; readonly listeners: Set<() => void> }>();

/** True while the act's snapshot is arriving before its websocket connects (see `connectAfterSnapshot`). */
export function isOpeningFromSnapshot(provider: WebsocketProvider): boolean {
  return opening.get(provider)?.active ?? false;
}

/** Calls `listener` whenever `isOpeningFromSnapshot(provider)` may have changed; returns the unsubscribe. */
export function subscribeOpening(provider: WebsocketProvider, listener: () => void): () => void {
  const entry = opening.get(provider);
  entry?.listeners.add(listener);
  return () => entry?.listeners.delete(listener);
}

function setOpening(provider: WebsocketProvider, active: boolean): void {
  const entry = opening.get(provider);
  if (!entry || entry.active === active) return;
  entry.active = active;
  for (const listener of entry.listeners) listener();
}

/** How long to wait for the local copy before asking for the whole act (a broken IndexedDB never answers). */
const LOCAL_COPY_WAIT_MS = 3000;

/**
 * Opens an act through the chunked snapshot before its websocket (issue 14): once the local copy has loaded,
 * the snapshot for its state vector is downloaded in ranges (snapshotDownload.ts) and applied, and only then
 * does the provider connect, so its sync step 2 carries only the remainder. The rule is simply "always": for
 * an act already here the snapshot is a few bytes, one round trip. A refusal that is not the network's, or a
 * line that gives nothing at all, falls back to the plain websocket path.
 *
 * CollaborationPlugin calls `connect()` itself, so connect is deferred here rather than called later: it
 * stays synchronous (the plugin's StrictMode workaround needs a void connect), and remembers that a
 * connection is wanted until the snapshot is in.
 */
export function connectAfterSnapshot(
  session: Session,
  docId: string,
  connection: { readonly provider: WebsocketProvider; readonly local: IndexeddbPersistence; readonly doc: Y.Doc },
  onProgress: (progress: SnapshotProgress | null) => void,
): void {
  const { provider, local, doc } = connection;
  const connectSocket = provider.connect.bind(provider);
  const disconnectSocket = provider.disconnect.bind(provider);
  const destroyProvider = provider.destroy.bind(provider);
  const controller = new AbortController();
  let wanted = false;
  let ready = false;
  opening.set(provider, { active: true, listeners: new Set() });

  provider.connect = () => {
    wanted = true;
    if (ready) connectSocket();
  };
  provider.disconnect = () => {
    wanted = false;
    disconnectSocket();
  };
  provider.destroy = () => {
    controller.abort();
    destroyProvider();
  };

  void (async () => {
    onProgress({ received: 0, total: null });
    await Promise.race([local.whenSynced, new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_WAIT_MS))]);
    if (controller.signal.aborted) return;
    const sv = stateVectorParam(doc);
    // A vector too long for a URL (an act edited in very many sessions): ask from nothing; re-applying is harmless.
    const query = sv.length > SNAPSHOT_DEFAULTS.maxStateVectorChars ? '' : `?sv=${sv}`;
    const outcome = await downloadSnapshot({
      url: `${session.serverUrl}/api/documents/${encodeURIComponent(docId)}/snapshot${query}`,
      token: session.token,
      signal: controller.signal,
      onProgress: (progress) => {
        setOpening(provider, true);
        onProgress(progress);
      },
      onFailure: () => setOpening(provider, false),
    });
    if (outcome.kind === 'complete') Y.applyUpdate(doc, outcome.update, SNAPSHOT_ORIGIN);
    else if (outcome.kind === 'unavailable') console.info(`[sync] opening ${docId} over the websocket alone: ${outcome.reason}`);
  })()
    .catch((error: unknown) => console.warn(`[sync] the snapshot of ${docId} could not be applied: ${(error as Error).message}`))
    .finally(() => {
      ready = true;
      setOpening(provider, false);
      onProgress(null);
      if (wanted && !controller.signal.aborted) connectSocket();
    });
}
