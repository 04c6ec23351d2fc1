import { useEffect, useState } from 'react';
import type { Session } from './session';
import { CommentQueue } from '../review/commentQueue';
import { SuggestionQueue } from '../suggestions/suggestionQueue';

/** What of an act has not reached the server yet, as the header counts it (issue 14, part 3). */
export interface UnsentCounts {
  /** Edits of the text the server has not confirmed (shared/sync/saveTracker.ts). */
  readonly edits: number;
  /** Comments, replies and outcomes waiting in the comment queue, not refused. */
  readonly comments: number;
  /** Suggestions waiting in the suggestion queue, not refused. */
  readonly suggestions: number;
}

/** The sum of the counts: what "3 not sent" says. */
export function totalUnsent(counts: UnsentCounts): number {
  return counts.edits + counts.comments + counts.suggestions;
}

/** How often the queues (localStorage, written by the review and suggestion panels) are looked at again. */
const QUEUE_POLL_MS = 1000;

/**
 * Counts of the act's queued comments and suggestions. The queues live in localStorage and are written by
 * their panels; reading two small keys a second is simpler than threading an event through every writer. An
 * entry the server refused is not counted: it is not waiting, and its panel shows the refusal.
 */
export function useQueuedCounts(session: Session, docId: string): { comments: number; suggestions: number } {
  const [counts, setCounts] = useState({ comments: 0, suggestions: 0 });
  useEffect(() => {
    const comments = new CommentQueue(session, docId);
    const suggestions = new SuggestionQueue(session, docId);
    const read = () => {
      const next = { comments: comments.entries().filter((e) => !e.error).length, suggestions: suggestions.entries().filter((e) => !e.error).length };
      setCounts((now) => (now.comments === next.comments && now.suggestions === next.suggestions ? now : next));
    };
    read();
    const timer = setInterval(read, QUEUE_POLL_MS);
    window.addEventListener('storage', read);
    return () => {
      clearInterval(timer);
      window.removeEventListener('storage', read);
    };
  }, [session, docId]);
  return counts;
}

/** What each open page reports as unsent; beforeunload asks while the sum is above zero. */
const unsentByPage = new Map<string, number>();

/** Records how much a page (an act's room) has not sent; 0 removes it. */
export function reportUnsent(key: string, count: number): void {
  if (count > 0) unsentByPage.set(key, count);
  else unsentByPage.delete(key);
}

/** Everything not sent in this window. */
export function unsentInWindow(): number {
  let sum = 0;
  for (const count of unsentByPage.values()) sum += count;
  return sum;
}

/**
 * Asks before the tab or window closes (or reloads) while anything is unsent. Browsers show their own
 * wording; the desktop app's main process answers Electron's `will-prevent-unload` with a native dialog
 * (electron/main/unloadGuard.ts). Nothing is lost either way (the local copy and the queues stay), but it
 * would not reach the server until the act is opened again.
 */
export function guardWindowUnload(target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('beforeunload', (event: BeforeUnloadEvent) => {
    if (unsentInWindow() === 0) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  });
}

/** Keeps the window's unsent registry in step with one page's counts. */
export function useReportUnsent(key: string, count: number): void {
  useEffect(() => {
    reportUnsent(key, count);
  }, [key, count]);
  useEffect(() => () => reportUnsent(key, 0), [key]);
}
