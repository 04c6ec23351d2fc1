import * as Y from 'yjs';

/** A run of Yjs ids: `len` clocks of one client from `clock` on. */
export interface IdRange {
  readonly client: number;
  readonly clock: number;
  readonly len: number;
}

/**
 * What one applied update changed in a document: the ids it added, and the ids it deleted that were not
 * deleted before. Deletions carry no author in Yjs, so the record of who sent each one is what names its
 * author later (issue 12).
 */
export interface TextEdit {
  readonly inserted: readonly IdRange[];
  readonly deleted: readonly IdRange[];
}

/** An edit that changed nothing. */
export const NO_EDIT: TextEdit = { inserted: [], deleted: [] };

/**
 * Runs `change` (one transaction on `doc`, such as `Y.applyUpdate`) and returns what it inserted and newly
 * deleted, read from the transaction itself: its delete set holds only the items it deleted, so a client
 * that resends deletions the document already has is not taken for their author.
 */
export function captureEdit(doc: Y.Doc, change: () => void): TextEdit {
  let edit: TextEdit = NO_EDIT;
  const listener = (transaction: Y.Transaction): void => {
    const inserted: IdRange[] = [];
    transaction.afterState.forEach((after, client) => {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after > before) inserted.push({ client, clock: before, len: after - before });
    });
    const deleted: IdRange[] = [];
    transaction.deleteSet.clients.forEach((items, client) => {
      for (const { clock, len } of items) if (len > 0) deleted.push({ client, clock, len });
    });
    edit = { inserted: [...edit.inserted, ...inserted], deleted: [...edit.deleted, ...deleted] };
  };
  doc.on('afterTransaction', listener);
  try {
    change();
  } finally {
    doc.off('afterTransaction', listener);
  }
  return edit;
}

/**
 * What a server-side update will change, for text written without a room (a seed): every struct it carries
 * is inserted, and every range of its delete set counted as deleted by it.
 */
export function editOfUpdate(update: Uint8Array): TextEdit & { readonly writers: readonly number[] } {
  const { structs, ds } = Y.decodeUpdate(update);
  const inserted: IdRange[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item || struct instanceof Y.GC)) continue;
    const last = inserted.at(-1);
    if (last && last.client === struct.id.client && last.clock + last.len === struct.id.clock) {
      inserted[inserted.length - 1] = { ...last, len: last.len + struct.length };
    } else inserted.push({ client: struct.id.client, clock: struct.id.clock, len: struct.length });
  }
  const deleted: IdRange[] = [];
  ds.clients.forEach((items, client) => {
    for (const { clock, len } of items) if (len > 0) deleted.push({ client, clock, len });
  });
  return { inserted, deleted, writers: [...new Set(inserted.map((range) => range.client))] };
}
