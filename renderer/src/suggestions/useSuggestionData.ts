import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Suggestion } from '../../../shared/api/suggestions';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { followReviewStream } from '../review/reviewStream';
import { SuggestionQueue, type QueuedSuggestion } from './suggestionQueue';
import { suggestionsApi } from './suggestionsApi';

/** The suggestions of an act as the editor shows them, and the actions on them. */
export interface SuggestionData {
  readonly suggestions: readonly Suggestion[];
  /** Suggestions made here that the server has not confirmed yet, oldest first. */
  readonly queued: readonly QueuedSuggestion[];
  readonly online: boolean;
  /** The server's refusal of the last decision, in its words; null when it went through. */
  readonly decisionError: unknown;
  /** The id of the suggestion a decision is being sent for. */
  readonly busy: string | null;
  send(entry: QueuedSuggestion): void;
  accept(id: string): Promise<boolean>;
  reject(id: string, reason: string): Promise<boolean>;
  undo(id: string): Promise<boolean>;
  acceptAll(authorId: string, articleKey: string): Promise<boolean>;
  dismiss(id: string): void;
  clearError(): void;
}

/** Timings of the suggestion data, named once. */
export const SUGGESTION_DATA = {
  /** How often waiting suggestions are tried again. */
  retryMs: 5000,
} as const;

const cacheKey = (session: Session, docId: string): string => `sajaro.suggestions:${new URL(session.serverUrl).host}:${docId}`;

function cached(session: Session, docId: string): Suggestion[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(cacheKey(session, docId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as Suggestion[]) : [];
  } catch {
    return [];
  }
}

/**
 * Loads an act's suggestions, follows the review stream (`event: suggestions`) so that suggestions and
 * decisions made elsewhere show at once, and sends suggestions made here through the offline queue once the
 * act's text has synced (`textSynced`), so that each is placed in the text the server has.
 */
export function useSuggestionData(session: Session, docId: string, doc: Y.Doc | null, textSynced: boolean): SuggestionData {
  const queue = useMemo(() => new SuggestionQueue(session, docId), [session, docId]);
  const [suggestions, setSuggestions] = useState<readonly Suggestion[]>(() => cached(session, docId));
  const [queued, setQueued] = useState<readonly QueuedSuggestion[]>(() => queue.entries());
  const [online, setOnline] = useState(false);
  const [decisionError, setDecisionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ready = useRef({ doc, textSynced });
  ready.current = { doc, textSynced };
  const flushing = useRef(false);

  const load = useCallback(async () => {
    try {
      const { suggestions: list } = await suggestionsApi.list(session, docId);
      setSuggestions(list);
      setOnline(true);
      localStorage.setItem(cacheKey(session, docId), JSON.stringify(list));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'network') setOnline(false);
      else console.warn(`[suggestions] could not load the suggestions of ${docId}: ${(e as Error).message}`);
    }
  }, [session, docId]);

  const flush = useCallback(async () => {
    const { doc: current, textSynced: synced } = ready.current;
    if (!current || !synced || flushing.current) return;
    flushing.current = true;
    try {
      const stored = await queue.flush(current);
      // The stored ones join the list at once, so the redline does not blink between queue and list.
      if (stored.length) setSuggestions((list) => [...list.filter((s) => !stored.some((n) => n.id === s.id)), ...stored]);
      setQueued(queue.entries());
      if (stored.length) await load();
    } finally {
      flushing.current = false;
    }
  }, [queue, load]);

  useEffect(() => {
    void load();
    return followReviewStream(session, docId, (signal) => {
      if (signal === 'connected') {
        setOnline(true);
        void flush();
        void load();
      } else if (signal === 'suggestions') void load();
    });
  }, [session, docId, load, flush]);

  // Waiting suggestions go out once the text has synced, when the browser is back online, and every few
  // seconds while any waits (a connection can come back without either event).
  useEffect(() => {
    if (textSynced && doc) void flush();
  }, [textSynced, doc, flush]);
  useEffect(() => {
    const retry = (): void => void flush();
    window.addEventListener('online', retry);
    const timer = queued.some((e) => !e.error) ? window.setInterval(retry, SUGGESTION_DATA.retryMs) : 0;
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [queued, flush]);

  /** Sends one decision; the list is read again either way, since another member may have decided first. */
  const decide = useCallback(
    async (id: string, run: () => Promise<unknown>): Promise<boolean> => {
      setBusy(id);
      setDecisionError(null);
      try {
        await run();
        return true;
      } catch (e) {
        setDecisionError(e instanceof ApiError && e.code === 'network' ? 'network' : e);
        return false;
      } finally {
        setBusy(null);
        await load();
      }
    },
    [load],
  );

  // Stable, since the typing controller is made with it.
  const send = useCallback(
    (entry: QueuedSuggestion) => {
      queue.push(entry);
      setQueued(queue.entries());
      void flush();
    },
    [queue, flush],
  );

  return {
    suggestions,
    queued,
    online,
    decisionError,
    busy,
    send,
    accept: (id) => decide(id, () => suggestionsApi.accept(session, docId, id)),
    reject: (id, reason) => decide(id, () => suggestionsApi.reject(session, docId, id, reason)),
    undo: (id) => decide(id, () => suggestionsApi.undo(session, docId, id)),
    acceptAll: (authorId, articleKey) => decide(`${authorId}:${articleKey}`, () => suggestionsApi.acceptAll(session, docId, authorId, articleKey)),
    dismiss: (id) => {
      queue.dismiss(id);
      setQueued(queue.entries());
    },
    clearError: () => setDecisionError(null),
  };
}
