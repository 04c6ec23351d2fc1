import { parseDocId, type DocId } from '../ids';
import type { Parsed } from '../parsed';

/** What a sync room holds: the act's text, or its explanatory note. */
export type SyncPart = 'act' | 'note';

/** A parsed sync room: the act it belongs to and which of its documents it is. */
export interface SyncRoom {
  readonly room: string;
  readonly docId: DocId;
  readonly part: SyncPart;
}

/**
 * The suffix of a note's room. A room name is also the CollaborationPlugin id and the key of its Yjs doc map,
 * so the act and its note stay two documents on one page.
 */
export const NOTE_ROOM_SUFFIX = '--note';

/** The sync room of an act's explanatory note: `/sync/<docId>--note`. */
export function noteRoomId(docId: string): string {
  return `${docId}${NOTE_ROOM_SUFFIX}`;
}

/**
 * Parses a room name, `<docId>` or `<docId>--note`, into exactly one act and part: a docId that itself ends
 * in `--note` is refused, so no name can mean two rooms.
 */
export function parseSyncRoom(raw: string): Parsed<SyncRoom> {
  const isNote = raw.endsWith(NOTE_ROOM_SUFFIX);
  const id = parseDocId(isNote ? raw.slice(0, -NOTE_ROOM_SUFFIX.length) : raw);
  if (!id.ok) return id;
  if (id.value.endsWith(NOTE_ROOM_SUFFIX)) return { ok: false, error: `Invalid room '${raw.slice(0, 80)}': expected <docId> or <docId>${NOTE_ROOM_SUFFIX}` };
  return { ok: true, value: { room: raw, docId: id.value, part: isNote ? 'note' : 'act' } };
}
