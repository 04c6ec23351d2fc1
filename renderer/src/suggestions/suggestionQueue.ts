import type * as Y from 'yjs';
import type { NewBlockSpec, Suggestion } from '../../../shared/api/suggestions';
import { readActText } from '../../../shared/review/actText';
import { blockKeys } from '../../../shared/review/blockKeys';
import { resolveSpan, type SpanRef } from '../../../shared/review/suggestionSpan';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { suggestionsApi } from './suggestionsApi';
import { storedRefusal, type StoredRefusal } from '../errors/errorText';

/** A suggestion made on this computer that the server has not confirmed yet. */
export interface QueuedSuggestion {
  /** Chosen here, so a request whose answer was lost can be sent again without a second suggestion. */
  readonly id: string;
  /** Where the quote stands in this computer's copy of the act; resolved again when it is sent. */
  readonly position: SpanRef;
  readonly quote: string;
  readonly text: string;
  readonly newBlocks: readonly (NewBlockSpec | null)[];
  readonly createdAt: string;
  /** The server's refusal, once it refused (kept for the member to see, not retried). */
  readonly error?: StoredRefusal | string;
}

/** Thrown when a queued suggestion's quote no longer stands in the text, so it cannot be sent as made. */
class QuoteGone extends Error {}

/** A quote gone from the text here reads as the server's own `quote_not_found` would, in the UI language. */
function refusalOf(error: unknown): StoredRefusal {
  return error instanceof QuoteGone ? { status: 0, code: 'quote_not_found', message: error.message, details: {} } : storedRefusal(error);
}

/**
 * Suggestions wait here, in localStorage, until the server confirms them, as comments do (commentQueue.ts):
 * made offline, they survive a reload and are sent on reconnect, in order. Each is placed anew in the act's
 * current text when it is sent (its block's key and the quote's offset), so edits that arrived meanwhile do
 * not misplace it; when its quote is gone, it is kept with that reason instead.
 */
export class SuggestionQueue {
  private readonly key: string;

  constructor(
    private readonly session: Session,
    private readonly docId: string,
  ) {
    this.key = `sajaro.suggestions.queue:${new URL(session.serverUrl).host}:${docId}`;
  }

  /** What is waiting, oldest first. */
  entries(): QueuedSuggestion[] {
    try {
      const parsed = JSON.parse(localStorage.getItem(this.key) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as QueuedSuggestion[]) : [];
    } catch {
      return [];
    }
  }

  /** Adds a suggestion at the end. */
  push(entry: QueuedSuggestion): void {
    this.save([...this.entries(), entry]);
  }

  /** Forgets a suggestion the server refused, once the member has seen it. */
  dismiss(id: string): void {
    this.save(this.entries().filter((e) => e.id !== id));
  }

  /**
   * Sends what is waiting, placed in `doc` (the act's text, synced with the server), in order; stops at the
   * first network failure. Returns the suggestions the server stored.
   */
  async flush(doc: Y.Doc): Promise<Suggestion[]> {
    const stored: Suggestion[] = [];
    for (;;) {
      const entry = this.entries().find((e) => !e.error);
      if (!entry) return stored;
      try {
        stored.push(await suggestionsApi.create(this.session, this.docId, requestOf(doc, entry)));
        this.save(this.entries().filter((e) => e.id !== entry.id));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'network') return stored;
        this.save(this.entries().map((e) => (e.id === entry.id ? { ...e, error: refusalOf(error) } : e)));
      }
    }
  }

  private save(entries: readonly QueuedSuggestion[]): void {
    if (entries.length) localStorage.setItem(this.key, JSON.stringify(entries));
    else localStorage.removeItem(this.key);
  }
}

/** The request of a queued suggestion, placed in the current text: its block's key and the quote's offset. */
export function requestOf(doc: Y.Doc, entry: QueuedSuggestion) {
  const act = readActText(doc);
  const span = resolveSpan(doc, act, entry.position, entry.quote);
  if (!span) throw new QuoteGone(`the text '${entry.quote.slice(0, 60)}' it changes is no longer where it was`);
  const blockKey = blockKeys(act.blocks)[span.from.top];
  if (!blockKey) throw new QuoteGone('its paragraph is gone');
  const anchor = span.moved?.kind === 'range' ? span.moved.anchor : entry.position.kind === 'range' ? entry.position.anchor : undefined;
  return {
    id: entry.id,
    target: { blockKey, quote: entry.quote, offset: span.from.offset },
    text: entry.text,
    ...(entry.newBlocks.length ? { newBlocks: [...entry.newBlocks] } : {}),
    ...(anchor ? { anchor } : {}),
  };
}
