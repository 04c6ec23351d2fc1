/**
 * A per-act wait that runs a refresh once edits pause: each change of an act restarts its wait, so a burst
 * of keystrokes places comments and suggestions anew once, not once per update.
 */
export interface RefreshAfterPause {
  /** Restarts the act's wait; after `close` it does nothing. */
  schedule(docId: string): void;
  /** Cancels every wait: no refresh runs after it. */
  close(): void;
}

/** What the wait runs, and after how long a pause. */
export interface RefreshAfterPauseOptions {
  readonly afterMs: number;
  readonly refresh: (docId: string) => void;
  /** A refresh that throws is reported here: it runs on a timer, where nobody else would catch it. */
  readonly failed: (docId: string, error: Error) => void;
}

/** Creates the waits; their timers do not keep the process alive. */
export function refreshAfterPause({ afterMs, refresh, failed }: RefreshAfterPauseOptions): RefreshAfterPause {
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  return {
    schedule(docId) {
      if (closed) return;
      clearTimeout(timers.get(docId));
      const timer = setTimeout(() => {
        timers.delete(docId);
        if (closed) return;
        try {
          refresh(docId);
        } catch (error) {
          failed(docId, error as Error);
        }
      }, afterMs);
      timer.unref();
      timers.set(docId, timer);
    },
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
