import type { CommentEntry, CommentThread, Person, Resolution } from '../../../shared/api/review';
import type { AnchorState, TextAnchor } from '../../../shared/review/textAnchor';
import type { QueueEntry } from './commentQueue';
import type { LiveAnchor } from './useLiveAnchors';
import type { StoredRefusal } from '../errors/errorText';

/** A thread as the panel shows it: the server's, with what waits in the offline queue applied. */
export interface ThreadView {
  readonly id: string;
  readonly author: Person;
  readonly createdAt: string;
  readonly text: string;
  readonly status: 'open' | 'resolved';
  readonly blocking: boolean;
  readonly publicConsultation: boolean;
  readonly replies: readonly (CommentEntry & { pending?: boolean })[];
  readonly resolution: Resolution | null;
  readonly quote: string;
  readonly state: AnchorState;
  /** The text the range covers now. */
  readonly currentText: string;
  readonly articleLabel: string;
  readonly order: number;
  /** Not on the server yet. */
  readonly pending: boolean;
  /** The server refused the queued action with this message. */
  readonly error: StoredRefusal | string | null;
}

/** The anchors to resolve live: the server's threads' and the queued new threads'. */
export function anchorsOf(threads: readonly CommentThread[], queued: readonly QueueEntry[]): Map<string, TextAnchor> {
  const out = new Map<string, TextAnchor>();
  for (const t of threads) out.set(t.id, t.position);
  for (const { action } of queued) if (action.kind === 'thread') out.set(action.body.id, action.body.anchor as TextAnchor);
  return out;
}

/**
 * Merges the server's threads, the offline queue and the live anchors into what the panel lists, in
 * document order. A live anchor wins over the server's view, except while this window has not yet
 * received the text (then the server knows better).
 */
export function threadViews(
  threads: readonly CommentThread[],
  queued: readonly QueueEntry[],
  live: ReadonlyMap<string, LiveAnchor>,
  me: Person,
  now: string,
): ThreadView[] {
  const views = new Map<string, ThreadView>();
  for (const t of threads) {
    const l = live.get(t.id);
    const useLive = l && l.state !== 'unsynced';
    views.set(t.id, {
      id: t.id,
      author: t.author,
      createdAt: t.createdAt,
      text: t.text,
      status: t.status,
      blocking: t.blocking,
      publicConsultation: t.publicConsultation,
      replies: t.replies,
      resolution: t.resolution,
      quote: t.anchor.quote,
      state: useLive ? l.state : t.anchor.state,
      currentText: useLive ? l.text : t.anchor.text,
      articleLabel: useLive && l.articleLabel ? l.articleLabel : t.anchor.articleLabel,
      order: useLive ? l.order : t.anchor.order,
      pending: false,
      error: null,
    });
  }
  for (const { action, error } of queued) {
    if (action.kind === 'thread') {
      if (views.has(action.body.id)) continue;
      const l = live.get(action.body.id);
      views.set(action.body.id, {
        id: action.body.id,
        author: me,
        createdAt: now,
        text: action.body.text,
        status: 'open',
        blocking: action.body.blocking ?? false,
        publicConsultation: false,
        replies: [],
        resolution: null,
        quote: action.body.anchor.text,
        state: l?.state ?? 'unsynced',
        currentText: l?.text ?? action.body.anchor.text,
        articleLabel: l?.articleLabel ?? '',
        order: l?.order ?? Number.MAX_SAFE_INTEGER,
        pending: true,
        error: error ?? null,
      });
      continue;
    }
    const threadId = action.kind === 'reply' ? action.body.threadId : action.threadId;
    const view = views.get(threadId);
    if (!view) continue;
    if (action.kind === 'reply') {
      if (view.replies.some((r) => r.id === action.body.id)) continue;
      views.set(threadId, { ...view, replies: [...view.replies, { id: action.body.id, author: me, createdAt: now, text: action.body.text, pending: true }], error: error ?? view.error });
    } else if (action.kind === 'resolve') {
      views.set(threadId, { ...view, status: 'resolved', resolution: { outcome: action.outcome, reason: action.reason, by: me, at: now }, pending: true, error: error ?? view.error });
    } else {
      views.set(threadId, { ...view, status: 'open', resolution: null, pending: true, error: error ?? view.error });
    }
  }
  return [...views.values()].sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
}
