import * as Y from 'yjs';

/** What the server learns about a client's update before it touches the document or the store. */
export type UpdateCheck =
  /** Everything in it is already in the document (an idle client's sync step 2 carries its whole delete set). */
  | { readonly kind: 'nothingNew' }
  /** `writers`: the client ids under which it adds structs the document lacks; their ownership is checked (issue 12). */
  | { readonly kind: 'complete'; readonly writers: readonly number[] }
  /** `writers` as far as the check read: a forger's later updates depend on refused ones, and stay refused as forged. */
  | { readonly kind: 'incomplete'; readonly reason: string; readonly writers: readonly number[] };

/**
 * Decodes a client's update completely and checks it against the document's state vector: an update that
 * inserts after a gap, refers to items the server does not have, or deletes them would sit in Yjs's
 * pending queue forever and be stored with the document, so it is refused instead (issue 7). Honest clients
 * always send what the server lacks first (sync step 2), so they never hit this. Throws on a malformed
 * update, like `Y.decodeUpdate`.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  const { structs, ds } = Y.decodeUpdate(update);
  // What the document will hold once the update's own contiguous runs are added to it.
  const available = Y.decodeStateVector(Y.encodeStateVector(doc));
  const known = structs.every((s) => s.id.clock + s.length <= (available.get(s.id.client) ?? 0));
  if (known && allDeleted(doc, ds)) return { kind: 'nothingNew' };
  const seenClients = new Set<number>();
  const writers = new Set<number>();
  let previousClient: number | null = null;
  for (const struct of structs) {
    const { client, clock } = struct.id;
    // Structs the document already holds are ignored, as Yjs ignores them: a reloaded client resends
    // everyone's text from its local copy, and only what is new is written under its client id.
    if ((struct instanceof Y.Item || struct instanceof Y.GC) && clock + struct.length > Y.getState(doc.store, client)) writers.add(client);
    if (client !== previousClient) {
      // An honest encoder lists each client once; a second run would be silently dropped by Yjs.
      if (seenClients.has(client)) return incomplete(`client ${client} is listed twice`, writers);
      seenClients.add(client);
      previousClient = client;
    }
    const end = available.get(client) ?? 0;
    if (clock > end) return incomplete(`client ${client} starts at clock ${clock}, but the document has only up to ${end}`, writers);
    if (struct instanceof Y.Item || struct instanceof Y.GC) available.set(client, Math.max(end, clock + struct.length));
  }

  const has = (id: Y.ID | null): boolean => id === null || id.clock < (available.get(id.client) ?? 0);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (!has(struct.origin) || !has(struct.rightOrigin) || (parent instanceof Y.ID && !has(parent))) {
      return incomplete(`item ${struct.id.client}:${struct.id.clock} refers to an item the document does not have`, writers);
    }
  }
  for (const [client, deletes] of ds.clients) {
    const end = available.get(client) ?? 0;
    for (const { clock, len } of deletes) {
      if (clock + len > end) return incomplete(`it deletes ${client}:${clock}+${len}, beyond the document's ${end}`, writers);
    }
  }
  return { kind: 'complete', writers: [...writers] };
}

/** True when every range the update deletes is already deleted in the document; walks only those ranges. */
function allDeleted(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, deletes] of ds.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of deletes) {
      if (len <= 0) continue;
      if (clock + len > state) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i += 1) {
        if (!structs[i]!.deleted) return false;
      }
    }
  }
  return true;
}

function incomplete(reason: string, writers: ReadonlySet<number>): UpdateCheck {
  return { kind: 'incomplete', reason, writers: [...writers] };
}
