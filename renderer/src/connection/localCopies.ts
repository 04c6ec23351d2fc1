import { IndexeddbPersistence, clearDocument, storeState } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createSaveTracker } from '../../../shared/sync/saveTracker';
import { CommentQueue } from '../review/commentQueue';
import { SuggestionQueue } from '../suggestions/suggestionQueue';
import { forgetAnswers } from './apiCache';
import { LOCAL_COPY, localCopyName, type LocalCopyInfo } from './localCopyPolicy';
import { syncUrl, type Session } from './session';

/** When each act was last opened on this computer, and its title then: the dialog's "last opened". */
type OpenedIndex = Record<string, { readonly title: string; readonly openedAt: string }>;

const indexKey = (session: Session) => `sajaro.localCopies:${new URL(session.serverUrl).host}`;

function readIndex(session: Session): OpenedIndex {
  try {
    const parsed = JSON.parse(localStorage.getItem(indexKey(session)) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as OpenedIndex) : {};
  } catch {
    return {};
  }
}

function writeIndex(session: Session, index: OpenedIndex): void {
  try {
    localStorage.setItem(indexKey(session), JSON.stringify(index));
  } catch {
    // A full storage loses only the "last opened" date.
  }
}

/** Notes that the act was opened here now. */
export function recordOpened(session: Session, docId: string, title: string): void {
  writeIndex(session, { ...readIndex(session), [docId]: { title, openedAt: new Date().toISOString() } });
}

/**
 * Merges an act's local copy into one row once the act has synced. y-indexeddb adds a row per update and
 * merges only when a session alone reaches PREFERRED_TRIM_SIZE (500) rows, so a copy opened often for short
 * visits keeps growing, row after row (issue 14, part 6; read in node_modules/y-indexeddb/src/y-indexeddb.js).
 * storeState(…, true) writes the whole state as one row and deletes the rows before it.
 */
export function compactWhenSynced(local: IndexeddbPersistence, provider: WebsocketProvider): void {
  const onSync = (synced: boolean) => {
    if (!synced) return;
    provider.off('sync', onSync);
    void local.whenSynced.then(() => {
      const rows = (local as unknown as { _dbsize: number })._dbsize;
      if (rows > LOCAL_COPY.compactAboveRows) void storeState(local, true);
    });
  };
  provider.on('sync', onSync);
}

/** Bytes of the Yjs updates kept in one local copy database. */
function copyBytes(name: string): Promise<number> {
  return new Promise((resolve) => {
    const open = indexedDB.open(name);
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('updates')) {
        db.close();
        return resolve(0);
      }
      const all = db.transaction('updates', 'readonly').objectStore('updates').getAll();
      all.onerror = () => {
        db.close();
        resolve(0);
      };
      all.onsuccess = () => {
        db.close();
        resolve((all.result as Uint8Array[]).reduce((sum, bytes) => sum + bytes.byteLength, 0));
      };
    };
  });
}

function queuedOf(session: Session, docId: string): number {
  return new CommentQueue(session, docId).entries().filter((e) => !e.error).length + new SuggestionQueue(session, docId).entries().filter((e) => !e.error).length;
}

/** The acts of this workspace kept on this computer, largest first. */
export async function listLocalCopies(session: Session): Promise<LocalCopyInfo[]> {
  const prefix = localCopyName(session, '');
  const databases = (await indexedDB.databases?.()) ?? [];
  const index = readIndex(session);
  const copies = await Promise.all(
    databases
      .map((db) => db.name ?? '')
      .filter((name) => name.startsWith(prefix) && name.length > prefix.length)
      .map(async (name) => {
        const docId = name.slice(prefix.length);
        return { docId, title: index[docId]?.title ?? null, openedAt: index[docId]?.openedAt ?? null, bytes: await copyBytes(name), queued: queuedOf(session, docId) };
      }),
  );
  return copies.sort((a, b) => b.bytes - a.bytes);
}

/** What became of a copy the member chose to drop. */
export type DropOutcome = 'dropped' | 'kept_queued' | 'kept_unconfirmed';

/**
 * Drops an act's local copy, after saving it first: the copy is loaded and synced with the server, and it is
 * deleted only once the server has confirmed everything in it (shared/sync/saveTracker.ts). With no
 * connection, or queued comments or suggestions, the copy is kept, and the outcome says why.
 */
export async function dropLocalCopy(session: Session, docId: string): Promise<DropOutcome> {
  if (queuedOf(session, docId) > 0) return 'kept_queued';
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(session), docId, doc, { connect: false, params: { token: session.token }, disableBc: true });
  // The tracker listens before the copy loads, so what the copy holds counts as a change to confirm.
  const tracker = createSaveTracker(provider);
  const local = new IndexeddbPersistence(localCopyName(session, docId), doc);
  try {
    await local.whenSynced;
    provider.connect();
    const saved = await new Promise<boolean>((resolve) => {
      const check = () => {
        if (provider.synced && !tracker.unconfirmed) finish(true);
      };
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        clearInterval(poll);
        unsubscribe();
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), LOCAL_COPY.saveFirstTimeoutMs);
      const poll = setInterval(check, 200);
      const unsubscribe = tracker.subscribe(check);
    });
    if (!saved) return 'kept_unconfirmed';
  } finally {
    tracker.destroy();
    provider.destroy();
    await local.destroy();
    doc.destroy();
  }
  await clearDocument(localCopyName(session, docId));
  const index = readIndex(session);
  delete index[docId];
  writeIndex(session, index);
  forgetAnswers(session, docId);
  return 'dropped';
}
