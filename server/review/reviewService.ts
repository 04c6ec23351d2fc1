import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ArticleReview, ReviewRequest } from '../../shared/api/review';
import { allArticles, type ArticleModel, type DocumentModel } from '../../shared/model/documentModel';
import { articleTextHash } from '../../shared/review/articles';
import { appendAudit } from '../audit/auditLog';
import type { Workspace } from '../workspace';
import type { ReviewEvents } from './reviewEvents';
import { createReviewStore, type StoredReview } from './reviewStore';

/** The result of a sign-off: the article's new review, or why there is none (nothing is stored then). */
export type ReviewResult =
  | { readonly ok: true; readonly value: ArticleReview }
  | { readonly ok: false; readonly code: 'not_found' | 'text_changed'; readonly error: string };

/** Lawyers' sign-off per article: decisions stored with the hash of the text they were made on. */
export interface ReviewService {
  /** Every article of the act's current text, in order, with its review status. */
  articles(docId: string): ArticleReview[];
  /**
   * Records a reviewer's decision on an article of the current text, with its audit entry; refused when the
   * request's `textHash` is not the current text's (the reviewer read another text).
   */
  decide(docId: string, articleKey: string, request: z.infer<typeof ReviewRequest>, reviewer: { id: string; name: string }): ReviewResult;
}

/**
 * The review status of an article given its stored decision: an approval of a text that has changed since
 * "needs re-review"; a request for changes stays until someone decides again.
 */
export function reviewOf(article: ArticleModel, decision: StoredReview | undefined): ArticleReview {
  const currentTextHash = articleTextHash(article);
  const base = { articleKey: article.key, number: article.number, label: article.label, heading: article.heading, currentTextHash };
  if (!decision) return { ...base, status: 'not_reviewed', reviewer: null, at: null, note: null, textHash: null };
  const changed = decision.status === 'approved' && decision.textHash !== currentTextHash;
  return { ...base, status: changed ? 'needs_rereview' : decision.status, reviewer: decision.reviewer, at: decision.at, note: decision.note, textHash: decision.textHash };
}

/** The review status of every article of a model, in order. */
export function reviewsOf(model: DocumentModel, decisions: ReadonlyMap<string, StoredReview>): ArticleReview[] {
  return allArticles(model).map((article) => reviewOf(article, decisions.get(article.key)));
}

/** Creates the review service; `workspace` is read lazily, as the workspace is built around its services. */
export function createReviewService(db: Database, workspace: () => Workspace, events: ReviewEvents): ReviewService {
  const store = createReviewStore(db);
  return {
    articles(docId) {
      const model = workspace().documents.model(docId);
      return model ? reviewsOf(model, store.decisions(docId)) : [];
    },
    decide(docId, articleKey, request, reviewer) {
      const model = workspace().documents.model(docId);
      const article = model ? allArticles(model).find((a) => a.key === articleKey) : undefined;
      if (!article) return { ok: false, code: 'not_found', error: `Unknown article '${articleKey}' in document '${docId}': expected the key of an article of its current text (GET /api/documents/${docId}/reviews)` };
      const textHash = articleTextHash(article);
      // The model is derived from the stored text, and nothing runs between this check and the write below.
      if (request.textHash !== undefined && request.textHash !== textHash) {
        return {
          ok: false,
          code: 'text_changed',
          error: `The text of ${article.label} has changed since it was read: textHash '${request.textHash}' is not the current '${textHash}'; read the article again and decide on its current text`,
        };
      }
      const decision: StoredReview = { articleKey, status: request.status, note: request.note || null, reviewer, at: new Date().toISOString(), textHash };
      db.transaction(() => {
        store.decide(docId, decision);
        appendAudit(db, {
          at: decision.at,
          actor: reviewer.id,
          action: 'review.decided',
          docId,
          payload: { articleKey, label: article.label, status: decision.status, textHash, note: decision.note },
        });
      })();
      events.publish(docId, 'reviews');
      return { ok: true, value: reviewOf(article, decision) };
    },
  };
}
