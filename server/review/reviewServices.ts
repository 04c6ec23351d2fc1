import type { Database } from 'better-sqlite3';
import { createCommentService, type CommentService } from '../comments/commentService';
import type { Workspace } from '../workspace';
import { createReviewEvents, type ReviewEvents } from './reviewEvents';
import { createReviewService, type ReviewService } from './reviewService';

/** The review side of a workspace (issue 5): comment threads, article sign-offs and their live changes. */
export interface ReviewServices {
  readonly comments: CommentService;
  readonly reviews: ReviewService;
  readonly events: ReviewEvents;
  /** Called after every stored change of an act's text. */
  textChanged(docId: string): void;
  close(): void;
}

/** Creates the review services; `workspace` is read lazily, as the workspace is built around its services. */
export function createReviewServices(db: Database, workspace: () => Workspace, log: (line: string) => void): ReviewServices {
  const events = createReviewEvents(log);
  const comments = createCommentService(db, workspace, events);
  const reviews = createReviewService(db, workspace, events);
  return {
    comments,
    reviews,
    events,
    textChanged: (docId) => comments.textChanged(docId),
    close: () => comments.close(),
  };
}
