import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { readEditorState } from '../../server/lexical/actEditor';

/** The IndexedDB database in which the renderer keeps this computer's copy of an act (createProvider.ts). */
export function localCopyDatabase(serverUrl: string, docId: string): string {
  return `sajaro:${new URL(serverUrl).host}:${docId}`;
}

/**
 * The act's text as this browser keeps it in IndexedDB (y-indexeddb's 'updates' store): the stored updates,
 * read back through the same Lexical binding the server derives with, as serialized editor state JSON.
 * A test waits on it before a reload, because a write still in flight when the page unloads is lost.
 */
export async function localCopyText(page: Page, serverUrl: string, docId: string): Promise<string> {
  const updates = await page.evaluate(
    (dbName) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(new Error(`cannot open ${dbName}`));
        open.onsuccess = () => {
          const all = open.result.transaction('updates').objectStore('updates').getAll();
          all.onerror = () => reject(new Error('cannot read the updates'));
          all.onsuccess = () => resolve((all.result as Uint8Array[]).map((bytes) => [...bytes]));
        };
      }),
    localCopyDatabase(serverUrl, docId),
  );
  const state = Y.mergeUpdates(updates.map((bytes) => Uint8Array.from(bytes)));
  return JSON.stringify(readEditorState(state, docId));
}
