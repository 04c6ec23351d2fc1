import type { Session } from '../connection/session';

/** Timings of the review stream, named once. */
export const REVIEW_STREAM = {
  /** Wait before reconnecting after the stream dropped; doubles up to the maximum. */
  retryMs: 1000,
  maxRetryMs: 10_000,
} as const;

/** What the stream reports: the stream (re)connected, or comments, sign-offs or suggestions (issue 12) changed. */
export type ReviewSignal = 'connected' | 'comments' | 'reviews' | 'suggestions';

/**
 * Follows `GET /api/documents/:id/review/events` (Server-Sent Events read through fetch, which can send the
 * bearer token), reconnecting with backoff until stopped. Each (re)connection reports 'connected', the
 * moment to read everything again and send what waited offline.
 */
export function followReviewStream(session: Session, docId: string, onSignal: (signal: ReviewSignal) => void): () => void {
  const abort = new AbortController();
  let retry: number = REVIEW_STREAM.retryMs;
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(`${session.serverUrl}/api/documents/${encodeURIComponent(docId)}/review/events`, {
          headers: { Authorization: `Bearer ${session.token}` },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`review stream answered ${response.status}`);
        retry = REVIEW_STREAM.retryMs;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = /^event: (\w+)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (event === 'ready') onSignal('connected');
            else if (event === 'comments' || event === 'reviews' || event === 'suggestions') onSignal(event);
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, retry));
      retry = Math.min(retry * 2, REVIEW_STREAM.maxRetryMs);
    }
  };
  void run();
  return () => abort.abort();
}
