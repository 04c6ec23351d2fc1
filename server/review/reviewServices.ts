import type { Database } from 'better-sqlite3';
import { createCommentService, type CommentService } from '../comments/commentService';
import { createSuggestionService, type SuggestionService } from '../suggestions/suggestionService';
import type { Workspace } from '../workspace';
import { createReviewEvents, type ReviewEvents } from './reviewEvents';
import { createReviewService, type ReviewService } from './reviewService';

/** The review side of a workspace (issues 5, 12): comment threads, article sign-offs, suggestions and their live changes. */
export interface ReviewServices {
  readonly comments: CommentService;
  readonly reviews: ReviewService;
  readonly suggestions: SuggestionService;
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
  const suggestions = createSuggestionService(db, workspace, events);
  return {
    comments,
    reviews,
    suggestions,
    events,
    textChanged: (docId) => {
      comments.textChanged(docId);
      suggestions.textChanged(docId);
    },
    close: () => {
      comments.close();
      suggestions.close();
    },
  };
}
