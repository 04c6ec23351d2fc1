import * as Y from 'yjs';
import type { Member } from '../../../shared/api/members';
import { sha256Text } from '../../../shared/updateFile/hmacSha256';
import { encodeUpdateFile, updateFileKey, type QueuedCommentInput } from '../../../shared/updateFile/updateFileCodec';
import type { Session } from '../connection/session';
import { CommentQueue } from '../review/commentQueue';
import { requestOf, SuggestionQueue } from '../suggestions/suggestionQueue';
import { ackedStateVector } from './ackedState';

/** The app version written into files (for a later Sajaro reading this one's); kept equal to server/version.ts. */
export const APP_VERSION = '0.1.0';

/**
 * "Save my changes to a file" (issue 14, part 4): the local copy's changes since the state the server last
 * acknowledged, with the comments and suggestions waiting in this computer's queues, signed with a key derived
 * from this member's token (the workspace checks it from the token's stored hash). Decisions in the comment
 * queue (resolve, reopen) are not carried: they need the thread as the server has it.
 */
export function memberChangesFile(session: Session, me: Member, docId: string, doc: Y.Doc): Uint8Array {
  const base = ackedStateVector(session, docId);
  const comments: QueuedCommentInput[] = [];
  for (const { action, error } of new CommentQueue(session, docId).entries()) {
    if (error) continue;
    if (action.kind === 'thread' || action.kind === 'reply') comments.push({ kind: action.kind, body: action.body } as QueuedCommentInput);
  }
  const suggestions = [];
  for (const entry of new SuggestionQueue(session, docId).entries()) {
    if (entry.error) continue;
    try {
      suggestions.push(requestOf(doc, entry));
    } catch {
      // Its quote is gone from the text: it stays in the queue, where the member sees why.
    }
  }
  return encodeUpdateFile(
    {
      kind: 'member-changes',
      memberId: me.id,
      createdAt: new Date().toISOString(),
      appVersion: APP_VERSION,
      acts: [{ docId, baseStateVector: base, updates: [Y.encodeStateAsUpdate(doc, base)], comments, suggestions }],
    },
    updateFileKey(sha256Text(session.token)),
  );
}
