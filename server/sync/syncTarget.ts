import type { DocId } from '../../shared/ids';
import { parseSyncRoom, type SyncPart } from '../../shared/note/noteRoom';

/** What a sync upgrade's request target names: the room, the act it belongs to, and the member's token. */
export interface SyncTarget {
  /** The room: the act's id, or `<docId>--note` for its explanatory note (issue 13). */
  readonly room: string;
  readonly docId: DocId;
  readonly part: SyncPart;
  readonly token: string | undefined;
}

/** A refused target, with the HTTP status to answer on the socket. */
export interface SyncTargetError {
  readonly status: 400 | 404;
  readonly code: 'bad_request' | 'not_found';
  readonly message: string;
}

/** The longest token a target may carry; member tokens are 43 characters. */
const MAX_TOKEN_LENGTH = 256;

/**
 * Parses the raw target of a sync upgrade, `/sync/<docId>?token=…` or `/sync/<docId>--note?token=…` (the
 * act's explanatory note, issue 13), without ever throwing: the target is whatever a client sent (`//`, bad
 * percent-escapes, 60 kB of path), and the upgrade listener runs outside Fastify's error handling, where a
 * throw would stop the server (issue 11).
 */
export function parseSyncTarget(raw: string): { ok: true; value: SyncTarget } | { ok: false; error: SyncTargetError } {
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  const shown = path.slice(0, 120);
  const match = /^\/sync\/([^/]+)$/.exec(path);
  if (!match) return refuse(404, 'not_found', `No sync endpoint at '${shown}': expected /sync/<docId>`);
  let segment: string;
  try {
    segment = decodeURIComponent(match[1] ?? '');
  } catch {
    return refuse(400, 'bad_request', `Bad percent-escape in the sync path '${shown}': expected /sync/<docId>`);
  }
  const room = parseSyncRoom(segment);
  if (!room.ok) return refuse(404, 'not_found', `Unknown document '${segment.slice(0, 80)}': ${room.error.slice(0, 120)}`);
  // URLSearchParams leaves a bad escape as it is instead of throwing.
  const token = new URLSearchParams(query).get('token') ?? undefined;
  if (token !== undefined && token.length > MAX_TOKEN_LENGTH) return refuse(400, 'bad_request', `The token is longer than ${MAX_TOKEN_LENGTH} characters`);
  return { ok: true, value: { ...room.value, token } };
}

function refuse(status: SyncTargetError['status'], code: SyncTargetError['code'], message: string): { ok: false; error: SyncTargetError } {
  return { ok: false, error: { status, code, message } };
}
