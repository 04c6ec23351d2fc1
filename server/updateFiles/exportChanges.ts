import { fromBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { Member } from '../../shared/api/members';
import { fail, ok, type Parsed } from '../../shared/parsed';
import { encodeUpdateFile } from '../../shared/updateFile/updateFileCodec';
import type { Workspace } from '../workspace';
import { SERVER_VERSION } from '../version';
import { signerOf } from './signerKey';

/** Parses `since`, a base64 Yjs state vector; empty or absent means the whole act. */
export function parseSince(raw: unknown): Parsed<Uint8Array> {
  if (raw === undefined || raw === '') return ok(new Uint8Array([0]));
  if (typeof raw !== 'string' || raw.length > 1_000_000 || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(raw)) return fail(`Invalid since: expected a base64 Yjs state vector`);
  try {
    const bytes = fromBase64(raw.replace(/-/g, '+').replace(/_/g, '/'));
    Y.decodeStateVector(bytes);
    return ok(bytes);
  } catch {
    return fail(`Invalid since '${raw.slice(0, 40)}': not a Yjs state vector`);
  }
}

/**
 * "Save the act for a member offline" (issue 14, part 4): the act's updates since a state vector, as a
 * `.sajaro` file of kind 'act-copy', signed with the requesting member's key. The member's app applies it to
 * its local copy with no connection; the text goes on to the workspace later as an ordinary sync, where the
 * server's own checks apply, so the copy needs no trust of its own.
 */
export function exportChanges(workspace: Workspace, member: Member, docId: string, since: Uint8Array): Uint8Array {
  const signer = signerOf(workspace.db, member.id);
  const state = workspace.documents.currentState(docId);
  return encodeUpdateFile(
    {
      kind: 'act-copy',
      memberId: member.id,
      createdAt: new Date().toISOString(),
      appVersion: SERVER_VERSION,
      acts: [{ docId, baseStateVector: since, updates: [Y.diffUpdate(state, since)], comments: [], suggestions: [] }],
    },
    // The owner's and every member's key is in the members table; the authenticated member is always there.
    signer?.key ?? new Uint8Array(32),
  );
}
