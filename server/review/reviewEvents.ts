/** What changed in an act's review: its comment threads, its articles' sign-offs or its suggestions (issue 12). */
export type ReviewChange = 'comments' | 'reviews' | 'suggestions';

/** A listener of one act's review changes. */
export type ReviewListener = (change: ReviewChange) => void;

/**
 * The push channel of review changes inside the server, per act: services publish after their transaction
 * committed, and each open review stream (`GET /api/documents/:id/review/events`) forwards the change, so a
 * comment made in one window shows in every other without a reload.
 */
export interface ReviewEvents {
  publish(docId: string, change: ReviewChange): void;
  /** Adds a listener for one act; the function returned removes it. */
  subscribe(docId: string, listener: ReviewListener): () => void;
  /** How many listeners an act has (open streams). */
  listeners(docId: string): number;
}

/** Creates the in-process hub; a listener that throws is logged and does not stop the others. */
export function createReviewEvents(log: (line: string) => void): ReviewEvents {
  const byDoc = new Map<string, Set<ReviewListener>>();
  return {
    publish(docId, change) {
      for (const listener of [...(byDoc.get(docId) ?? [])]) {
        try {
          listener(change);
        } catch (error) {
          log(`[review] a listener of ${docId} failed on ${change}: ${(error as Error).message}`);
        }
      }
    },
    subscribe(docId, listener) {
      const set = byDoc.get(docId) ?? new Set<ReviewListener>();
      set.add(listener);
      byDoc.set(docId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) byDoc.delete(docId);
      };
    },
    listeners: (docId) => byDoc.get(docId)?.size ?? 0,
  };
}
