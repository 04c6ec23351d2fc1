import type { z } from 'zod';
import type { NewThreadRequest, Outcome, ReplyRequest } from '../../../shared/api/review';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { reviewApi } from './reviewApi';
import { storedRefusal, type StoredRefusal } from '../errors/errorText';

/** A comment action made on this computer that the server has not confirmed yet. */
export type QueuedAction =
  | { readonly kind: 'thread'; readonly body: z.input<typeof NewThreadRequest> & { id: string } }
  | { readonly kind: 'reply'; readonly body: z.input<typeof ReplyRequest> & { id: string } }
  | { readonly kind: 'resolve'; readonly threadId: string; readonly outcome: Outcome; readonly reason: string }
  | { readonly kind: 'reopen'; readonly threadId: string };

/** A queued action with what became of its last attempt. */
export interface QueueEntry {
  readonly action: QueuedAction;
  /** The server's refusal, once it refused (the entry is then kept for the user to see, not retried). */
  readonly error?: StoredRefusal | string;
}

/**
 * Comment actions wait here, in localStorage, until the server confirms them, so comments made offline
 * survive a reload and are sent on reconnect, in order. Threads and replies carry ids made here, so a
 * request whose answer was lost can be sent again without making a second comment.
 */
export class CommentQueue {
  private readonly key: string;

  constructor(
    private readonly session: Session,
    private readonly docId: string,
  ) {
    this.key = `sajaro.review.queue:${new URL(session.serverUrl).host}:${docId}`;
  }

  /** What is waiting, oldest first. */
  entries(): QueueEntry[] {
    try {
      return JSON.parse(localStorage.getItem(this.key) ?? '[]') as QueueEntry[];
    } catch {
      return [];
    }
  }

  /** Adds an action at the end. */
  push(action: QueuedAction): void {
    this.save([...this.entries(), { action }]);
  }

  /** Forgets an entry the server refused, once the user has seen it. */
  dismiss(index: number): void {
    this.save(this.entries().filter((_, i) => i !== index));
  }

  /**
   * Sends what is waiting, in order; stops at the first network failure (still offline). A refusal by the
   * server is kept with its message and skipped. Returns true when anything reached the server.
   */
  async flush(): Promise<boolean> {
    let sent = false;
    for (;;) {
      const entries = this.entries();
      const index = entries.findIndex((e) => !e.error);
      if (index < 0) return sent;
      const entry = entries[index]!;
      try {
        await this.send(entry.action);
        sent = true;
        this.save(this.entries().filter((e) => JSON.stringify(e) !== JSON.stringify(entry)));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'network') return sent;
        // A reopen whose answer was lost finds the thread open already: it did reach the server.
        const done = error instanceof ApiError && error.status === 409 && entry.action.kind === 'reopen';
        if (done) {
          sent = true;
          this.save(this.entries().filter((e) => JSON.stringify(e) !== JSON.stringify(entry)));
          continue;
        }
        this.save(this.entries().map((e) => (JSON.stringify(e) === JSON.stringify(entry) ? { ...e, error: storedRefusal(error) } : e)));
      }
    }
  }

  private send(action: QueuedAction): Promise<unknown> {
    switch (action.kind) {
      case 'thread':
        return reviewApi.startThread(this.session, this.docId, action.body);
      case 'reply':
        return reviewApi.reply(this.session, this.docId, action.body);
      case 'resolve':
        return reviewApi.resolve(this.session, this.docId, action.threadId, action.outcome, action.reason);
      case 'reopen':
        return reviewApi.reopen(this.session, this.docId, action.threadId);
    }
  }

  private save(entries: readonly QueueEntry[]): void {
    if (entries.length) localStorage.setItem(this.key, JSON.stringify(entries));
    else localStorage.removeItem(this.key);
  }
}
