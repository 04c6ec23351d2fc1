import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommentThread, Outcome, ReviewDecision, ReviewsResponse } from '../../../shared/api/review';
import { randomId } from '../../../shared/ids';
import type { TextAnchor } from '../../../shared/review/textAnchor';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { CommentQueue, type QueueEntry } from './commentQueue';
import { reviewApi } from './reviewApi';
import { followReviewStream } from './reviewStream';

/** The review data of an act as the panel shows it, and the actions on it. */
export interface ReviewData {
  readonly threads: readonly CommentThread[];
  readonly reviews: ReviewsResponse | null;
  /** Actions made here that the server has not confirmed yet (offline), oldest first. */
  readonly queued: readonly QueueEntry[];
  /** True while the server answers. */
  readonly online: boolean;
  startThread(anchor: TextAnchor, text: string, blocking: boolean): void;
  reply(threadId: string, text: string): void;
  resolve(threadId: string, outcome: Outcome, reason: string): void;
  reopen(threadId: string): void;
  /** Signs off an article's text as `textHash` fingerprints it; rejects with the server's ApiError. */
  decide(articleKey: string, status: ReviewDecision, textHash: string, note?: string): Promise<void>;
  dismiss(index: number): void;
}

/** Timings of the review data, named once. */
export const REVIEW_DATA = {
  /** How often waiting comment actions are tried again. */
  retryMs: 5000,
} as const;

const cacheKey = (session: Session, docId: string): string => `sajaro.review.threads:${new URL(session.serverUrl).host}:${docId}`;

/**
 * Loads an act's comment threads and sign-offs, follows the review stream so that changes made elsewhere
 * show at once, and sends comment actions through the offline queue. Queued actions go out only once the
 * act's text has synced (`textSynced`), so an anchor never reaches the server before the text it points at.
 */
export function useReviewData(session: Session, docId: string, textSynced: boolean): ReviewData {
  const queue = useMemo(() => new CommentQueue(session, docId), [session, docId]);
  const [threads, setThreads] = useState<readonly CommentThread[]>(() => {
    try {
      return (JSON.parse(localStorage.getItem(cacheKey(session, docId)) ?? '[]') as CommentThread[]) ?? [];
    } catch {
      return [];
    }
  });
  const [reviews, setReviews] = useState<ReviewsResponse | null>(null);
  const [queued, setQueued] = useState<readonly QueueEntry[]>(() => queue.entries());
  const [online, setOnline] = useState(false);
  const synced = useRef(textSynced);
  synced.current = textSynced;

  const loadComments = useCallback(async () => {
    try {
      const { threads: list } = await reviewApi.comments(session, docId);
      setThreads(list);
      setOnline(true);
      // Kept on this computer, so the panel opens offline too.
      localStorage.setItem(cacheKey(session, docId), JSON.stringify(list));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'network') setOnline(false);
      else console.warn(`[review] could not load the comments of ${docId}: ${(e as Error).message}`);
    }
  }, [session, docId]);

  const loadReviews = useCallback(async () => {
    try {
      setReviews(await reviewApi.reviews(session, docId));
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'network')) console.warn(`[review] could not load the reviews of ${docId}: ${(e as Error).message}`);
    }
  }, [session, docId]);

  const flush = useCallback(async () => {
    if (synced.current && (await queue.flush())) await loadComments();
    setQueued(queue.entries());
  }, [queue, loadComments]);

  useEffect(() => {
    void loadComments();
    void loadReviews();
    return followReviewStream(session, docId, (signal) => {
      if (signal === 'connected') {
        setOnline(true);
        void flush();
        void loadComments();
        void loadReviews();
      } else if (signal === 'comments') void loadComments();
      else if (signal === 'reviews') void loadReviews();
    });
  }, [session, docId, loadComments, loadReviews, flush]);

  // Offline work goes out as soon as the text has synced again, when the browser is back online, and, while
  // anything waits, every few seconds (a connection can come back without either event).
  useEffect(() => {
    if (textSynced) void flush();
  }, [textSynced, flush]);
  useEffect(() => {
    const retry = (): void => void flush();
    window.addEventListener('online', retry);
    const timer = queued.some((e) => !e.error) ? window.setInterval(retry, REVIEW_DATA.retryMs) : 0;
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [queued, flush]);

  const act = useCallback(
    (action: Parameters<CommentQueue['push']>[0]) => {
      queue.push(action);
      setQueued(queue.entries());
      void flush();
    },
    [queue, flush],
  );

  return {
    threads,
    reviews,
    queued,
    online,
    startThread: (anchor, text, blocking) => act({ kind: 'thread', body: { id: `th-${randomId(16)}`, anchor, text, blocking } }),
    reply: (threadId, text) => act({ kind: 'reply', body: { id: `re-${randomId(16)}`, threadId, text } }),
    resolve: (threadId, outcome, reason) => act({ kind: 'resolve', threadId, outcome, reason }),
    reopen: (threadId) => act({ kind: 'reopen', threadId }),
    decide: async (articleKey, status, textHash, note) => {
      try {
        await reviewApi.decide(session, docId, articleKey, status, textHash, note);
      } finally {
        // Refused or not, the panel shows the server's view of the article afterwards.
        await loadReviews();
      }
    },
    dismiss: (index) => {
      queue.dismiss(index);
      setQueued(queue.entries());
    },
  };
}
