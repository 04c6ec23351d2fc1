import type { z } from 'zod';
import type { ArticleReview, CommentThread, CommentsResponse, NewThreadRequest, ReplyRequest, ReviewRequest, ReviewsResponse, Outcome, ReviewDecision } from '../../../shared/api/review';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';

const base = (docId: string): string => `/api/documents/${encodeURIComponent(docId)}`;

/** The review API of one act (issue 5), typed by the shared contract. */
export const reviewApi = {
  comments: (session: Session, docId: string) => apiFetch<CommentsResponse>(session, `${base(docId)}/comments`),
  startThread: (session: Session, docId: string, body: z.input<typeof NewThreadRequest>) =>
    apiFetch<CommentThread>(session, `${base(docId)}/comments`, { method: 'POST', body }),
  reply: (session: Session, docId: string, body: z.input<typeof ReplyRequest>) => apiFetch<CommentThread>(session, `${base(docId)}/comments`, { method: 'POST', body }),
  resolve: (session: Session, docId: string, threadId: string, outcome: Outcome, reason: string) =>
    apiFetch<CommentThread>(session, `${base(docId)}/comments/${encodeURIComponent(threadId)}/resolve`, { method: 'POST', body: { outcome, reason } }),
  reopen: (session: Session, docId: string, threadId: string) =>
    apiFetch<CommentThread>(session, `${base(docId)}/comments/${encodeURIComponent(threadId)}/reopen`, { method: 'POST', body: {} }),
  reviews: (session: Session, docId: string) => apiFetch<ReviewsResponse>(session, `${base(docId)}/reviews`),
  /** A sign-off of the article's text as `textHash` fingerprints it: the text the reviewer was shown. */
  decide: (session: Session, docId: string, articleKey: string, status: ReviewDecision, textHash: string, note?: string) => {
    const body: z.input<typeof ReviewRequest> = note ? { status, textHash, note } : { status, textHash };
    return apiFetch<ArticleReview>(session, `${base(docId)}/reviews/${encodeURIComponent(articleKey)}`, { method: 'PUT', body });
  },
  /** The address of an export of the record ("current" or a version id). */
  exportUrl: (session: Session, docId: string, format: 'csv' | 'docx', version = 'current') =>
    `${session.serverUrl}${base(docId)}/comments/export.${format}?version=${encodeURIComponent(version)}`,
};
