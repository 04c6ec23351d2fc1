import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { CommentThread, NewThreadRequest, ReopenRequest, ReplyRequest, ResolveRequest } from '../../shared/api/review';
import { randomId } from '../../shared/ids';
import type { Language } from '../../shared/lang/language';
import { checkAnchorPositions } from '../../shared/review/textAnchor';
import { appendAudit } from '../audit/auditLog';
import type { Workspace } from '../workspace';
import { createCommentStore, type CommentStore, type StoredThread } from './commentStore';
import { placeThreads, type AnchoredThread, type ThreadPlacement } from './resolveThreads';
import type { ReviewEvents } from '../review/reviewEvents';
import { refreshAfterPause } from '../review/refreshAfterPause';
import { currentSnapshot, currentStage, PUBLIC_CONSULTATION, releaseSnapshot, type ActSnapshot } from '../review/workflowAccess';

/** Timings of comment upkeep, named once. */
export const COMMENT_DEFAULTS = {
  /** After the text changes, anchors whose text moved are placed anew once edits pause this long. */
  refreshAfterMs: 250,
} as const;

/** A refusal of a comment action, with the HTTP meaning of its cause. */
export type CommentFailure = { readonly ok: false; readonly code: 'not_found' | 'conflict' | 'bad_request'; readonly error: string };
/** The result of a comment action. */
export type CommentResult<T> = { readonly ok: true; readonly value: T } | CommentFailure;

/** Who acts: a member's id and name. */
export interface CommentActor {
  readonly id: string;
  readonly name: string;
}

/** One thread with its replies and its placement in one state of the act, for the record. */
export interface ThreadInState {
  readonly thread: StoredThread;
  readonly replies: CommentThread['replies'];
  readonly placement: ThreadPlacement;
}

/** Comment threads of the workspace's acts: stored in SQLite, anchored in the act's Yjs text. */
export interface CommentService {
  list(docId: string): CommentThread[];
  create(docId: string, request: z.infer<typeof NewThreadRequest>, actor: CommentActor): CommentResult<CommentThread>;
  reply(docId: string, request: z.infer<typeof ReplyRequest>, actor: CommentActor): CommentResult<CommentThread>;
  resolve(docId: string, threadId: string, request: z.infer<typeof ResolveRequest>, actor: CommentActor): CommentResult<CommentThread>;
  reopen(docId: string, threadId: string, request: z.infer<typeof ReopenRequest>, actor: CommentActor): CommentResult<CommentThread>;
  /** The threads and their placement in a state of the act (a version's: only threads made by then). */
  inState(docId: string, snapshot: ActSnapshot): ThreadInState[];
  /** How many blocking threads of the act are open. */
  openBlocking(docId: string): number;
  /** Tells the service the act's text changed, so moved anchors get placed anew soon. */
  textChanged(docId: string): void;
  /** Places moved anchors anew now; returns how many moved. */
  refresh(docId: string): number;
  close(): void;
}

const notFound = (docId: string, threadId: string): CommentFailure => ({
  ok: false,
  code: 'not_found',
  error: `Unknown comment thread '${threadId}' in document '${docId}'`,
});

/** Creates the comment service; `workspace` is read lazily, as the workspace is built around its services. */
export function createCommentService(db: Database, workspace: () => Workspace, events: ReviewEvents): CommentService {
  const store: CommentStore = createCommentStore(db);
  const later = refreshAfterPause({
    afterMs: COMMENT_DEFAULTS.refreshAfterMs,
    refresh: (docId) => service.refresh(docId),
    failed: (docId, error) => workspace().log(`[review] could not place the comments of ${docId} anew: ${error.message}`),
  });

  const languageOf = (docId: string): Language => workspace().documents.get(docId)?.language ?? 'ka';

  /** Places every thread against the current text, storing anchors whose text moved. */
  const placedNow = (docId: string, threads: readonly AnchoredThread[]): Map<string, ThreadPlacement> => {
    const snapshot = currentSnapshot(workspace(), docId);
    try {
      const placements = placeThreads(snapshot.doc, languageOf(docId), threads);
      const moves = [...placements].filter(([, p]) => p.moved);
      if (moves.length) {
        db.transaction(() => {
          for (const [id, p] of moves) store.moveAnchor(id, p.moved!.anchor, p.moved!.articleKey);
        })();
      }
      return placements;
    } finally {
      releaseSnapshot(snapshot);
    }
  };

  const view = (thread: StoredThread, placement: ThreadPlacement | undefined, replies: CommentThread['replies']): CommentThread => ({
    id: thread.id,
    author: thread.author,
    createdAt: thread.createdAt,
    text: thread.text,
    status: thread.status,
    blocking: thread.blocking,
    publicConsultation: thread.publicConsultation,
    anchor: placement?.resolved ?? { state: 'unsynced', quote: thread.quote, text: '', articleKey: thread.articleKey, articleNumber: null, articleLabel: '', blockUid: thread.anchor.blockUid, order: Number.MAX_SAFE_INTEGER },
    position: placement?.moved?.anchor ?? thread.anchor,
    replies,
    resolution: thread.resolution,
  });

  const one = (docId: string, threadId: string): CommentThread => {
    const thread = store.thread(docId, threadId)!;
    const placement = placedNow(docId, [thread]).get(threadId);
    return view(store.thread(docId, threadId) ?? thread, placement, store.replies(docId).get(threadId) ?? []);
  };

  const changed = (docId: string): void => events.publish(docId, 'comments');

  const service: CommentService = {
    list(docId) {
      const threads = store.threads(docId);
      if (!threads.length) return [];
      const placements = placedNow(docId, threads);
      const replies = store.replies(docId);
      return threads
        .map((t) => view(t, placements.get(t.id), replies.get(t.id) ?? []))
        .sort((a, b) => a.anchor.order - b.anchor.order || a.createdAt.localeCompare(b.createdAt));
    },

    create(docId, request, actor) {
      const existing = request.id ? store.thread(docId, request.id) : null;
      if (existing) {
        // A retried request from an offline queue: the same author gets the thread back, nobody else may reuse the id.
        return existing.author.id === actor.id ? { ok: true, value: one(docId, existing.id) } : { ok: false, code: 'conflict', error: `A comment thread with the id '${request.id}' already exists` };
      }
      const bad = checkAnchorPositions(request.anchor);
      if (bad) return { ok: false, code: 'bad_request', error: bad };
      const id = request.id ?? `th-${randomId(16)}`;
      const anchor = { ...request.anchor };
      const placement = placedNow(docId, [{ id, quote: anchor.text, anchor, articleKey: null }]).get(id);
      store.insertThread({
        id,
        docId,
        author: actor,
        at: new Date().toISOString(),
        text: request.text,
        blocking: request.blocking,
        publicConsultation: currentStage(workspace(), docId) === PUBLIC_CONSULTATION,
        quote: anchor.text,
        anchor: placement?.moved?.anchor ?? anchor,
        articleKey: placement?.resolved.articleKey ?? null,
      });
      changed(docId);
      return { ok: true, value: one(docId, id) };
    },

    reply(docId, request, actor) {
      const thread = store.thread(docId, request.threadId);
      if (!thread) return notFound(docId, request.threadId);
      const existing = request.id ? store.reply(request.id) : null;
      if (existing) {
        return existing.author.id === actor.id && existing.threadId === thread.id
          ? { ok: true, value: one(docId, thread.id) }
          : { ok: false, code: 'conflict', error: `A reply with the id '${request.id}' already exists` };
      }
      store.insertReply({ id: request.id ?? `re-${randomId(16)}`, threadId: thread.id, author: actor, at: new Date().toISOString(), text: request.text });
      changed(docId);
      return { ok: true, value: one(docId, thread.id) };
    },

    resolve(docId, threadId, request, actor) {
      if (!store.thread(docId, threadId)) return notFound(docId, threadId);
      const at = new Date().toISOString();
      // The outcome and its audit entry are stored together or not at all (issue 11, point 5).
      db.transaction(() => {
        store.resolve(threadId, { outcome: request.outcome, reason: request.reason, by: actor, at });
        appendAudit(db, { at, actor: actor.id, action: 'comment.outcome', docId, payload: { threadId, outcome: request.outcome, reason: request.reason } });
      })();
      changed(docId);
      return { ok: true, value: one(docId, threadId) };
    },

    reopen(docId, threadId, request, actor) {
      const thread = store.thread(docId, threadId);
      if (!thread) return notFound(docId, threadId);
      if (thread.status === 'open') return { ok: false, code: 'conflict', error: `Comment thread '${threadId}' is already open: only a resolved thread can be reopened` };
      const at = new Date().toISOString();
      const reason = request.reason || null;
      db.transaction(() => {
        store.reopen(threadId, actor, at, reason);
        appendAudit(db, { at, actor: actor.id, action: 'comment.reopened', docId, payload: { threadId, reason } });
      })();
      changed(docId);
      return { ok: true, value: one(docId, threadId) };
    },

    inState(docId, snapshot) {
      const threads = store.threads(docId).filter((t) => snapshot.frozenAt === null || t.createdAt <= snapshot.frozenAt);
      const placements = placeThreads(snapshot.doc, languageOf(docId), threads, { frozen: !snapshot.live && snapshot.frozenAt !== null });
      const replies = store.replies(docId);
      return threads
        .map((thread) => ({ thread, replies: (replies.get(thread.id) ?? []).filter((r) => snapshot.frozenAt === null || r.createdAt <= snapshot.frozenAt), placement: placements.get(thread.id)! }))
        .sort((a, b) => a.placement.resolved.order - b.placement.resolved.order || a.thread.createdAt.localeCompare(b.thread.createdAt));
    },

    openBlocking: (docId) => store.threads(docId).filter((t) => t.blocking && t.status === 'open').length,

    textChanged: (docId) => later.schedule(docId),

    refresh(docId) {
      const threads = store.threads(docId);
      if (!threads.length) return 0;
      const moved = [...placedNow(docId, threads).values()].filter((p) => p.moved).length;
      if (moved) changed(docId);
      return moved;
    },

    close: () => later.close(),
  };
  return service;
}
