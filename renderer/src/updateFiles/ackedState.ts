import { useEffect } from 'react';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Session } from '../connection/session';

const key = (session: Session, docId: string) => `sajaro.acked:${new URL(session.serverUrl).host}:${docId}`;

/**
 * The act's state the server last acknowledged, as a Yjs state vector: the base of "Save my changes to a
 * file" (issue 14, part 4). Without one (this computer never confirmed a sync) the base is empty, and the file
 * carries the whole local copy: bigger, but the server takes only what it lacks.
 */
export function ackedStateVector(session: Session, docId: string): Uint8Array {
  try {
    const stored = localStorage.getItem(key(session, docId));
    return stored ? fromBase64(stored) : Y.encodeStateVector(new Y.Doc());
  } catch {
    return Y.encodeStateVector(new Y.Doc());
  }
}

/**
 * Remembers the local copy's state vector whenever the server has confirmed every local change (the save
 * tracker's `unconfirmed` is false on a synced socket, shared/sync/saveTracker.ts): the server then holds all of it.
 */
export function useAckedState(session: Session, docId: string, provider: WebsocketProvider | null, unconfirmed: boolean): void {
  useEffect(() => {
    if (!provider) return;
    const remember = () => {
      if (provider.synced && provider.wsconnected && !unconfirmed) localStorage.setItem(key(session, docId), toBase64(Y.encodeStateVector(provider.doc)));
    };
    remember();
    provider.on('sync', remember);
    return () => provider.off('sync', remember);
  }, [session, docId, provider, unconfirmed]);
}
