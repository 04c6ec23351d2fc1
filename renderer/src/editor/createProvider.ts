import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Session } from '../connection/session';
import { syncUrl } from '../connection/session';
import { attachHeartbeat } from '../connection/heartbeat';
import { connectAfterSnapshot } from './snapshotOpen';
import type { SnapshotProgress } from './snapshotDownload';

/** A document's connection: the y-websocket provider and the local IndexedDB copy of the document. */
export interface DocumentConnection {
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  readonly doc: Y.Doc;
}

/** The IndexedDB database that keeps this computer's copy of a document of a workspace. */
export function localCopyName(session: Session, docId: string): string {
  return `sajaro:${new URL(session.serverUrl).host}:${docId}`;
}

/** Options of a connection: an act (not its note) opens through the chunked snapshot first (issue 14). */
export interface ConnectionOptions {
  readonly snapshot?: { readonly onProgress: (progress: SnapshotProgress | null) => void };
}

/**
 * Creates the connection of one document for CollaborationPlugin. The provider starts disconnected (the
 * plugin connects it, DESIGN.md); IndexedDB keeps every edit on this computer, so edits made offline
 * survive a reload and reach the server when it returns. With `snapshot`, the plugin's connect waits for
 * the act's chunked snapshot (snapshotOpen.ts), so a line that drops mid-transfer still opens the act.
 */
export function createDocumentConnection(session: Session, id: string, yjsDocMap: Map<string, Y.Doc>, options: ConnectionOptions = {}): DocumentConnection {
  let doc = yjsDocMap.get(id);
  if (!doc) {
    doc = new Y.Doc();
    yjsDocMap.set(id, doc);
  } else doc.load();
  const local = new IndexeddbPersistence(localCopyName(session, id), doc);
  const provider = new WebsocketProvider(syncUrl(session), id, doc, {
    connect: false,
    params: { token: session.token },
    // Reconnect quickly on a flaky line, but not more often than every 5 s.
    maxBackoffTime: 5000,
  });
  // A dead link shows as offline within 5 s, and the provider reconnects (issue 14, part 3).
  attachHeartbeat(provider);
  if (options.snapshot) connectAfterSnapshot(session, id, { provider, local, doc }, options.snapshot.onProgress);
  return { provider, local, doc };
}
