import { z } from 'zod';
import type { AnchorState } from '../review/textAnchor';

/** How a working group answered a comment (the council commission reads this in the record). */
export const OUTCOMES = ['accepted', 'partly_accepted', 'rejected'] as const;
/** An outcome of a resolved thread. */
export type Outcome = (typeof OUTCOMES)[number];

/** A lawyer's sign-off on one article, as stored. */
export const REVIEW_DECISIONS = ['approved', 'changes_requested'] as const;
/** A stored review decision. */
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** What the review panel shows for an article: a decision, none yet, or an approval the text has outgrown. */
export type ArticleReviewStatus = 'not_reviewed' | ReviewDecision | 'needs_rereview';

/** Limits on what clients send, named once. */
export const REVIEW_LIMITS = {
  commentChars: 10_000,
  reasonChars: 4_000,
  noteChars: 2_000,
  /** A quote longer than this is cut in the stored anchor text (the quote itself is kept whole up to it). */
  quoteChars: 20_000,
  positionChars: 400,
} as const;

const clientId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, "expected 8-64 characters of a-z, 0-9, '-'");
const position = z.string().min(1).max(REVIEW_LIMITS.positionChars);

/** A comment anchor as a client places it (see shared/review/textAnchor.ts). */
export const AnchorInput = z
  .object({
    block: position,
    start: position,
    end: position,
    blockUid: z.string().max(64),
    text: z.string().min(1, 'expected the selected text').max(REVIEW_LIMITS.quoteChars),
    prefix: z.string().max(200).default(''),
    suffix: z.string().max(200).default(''),
  })
  .strict();

/** `POST /api/documents/:id/comments` starting a thread; `id` (chosen by the client) makes a retry harmless. */
export const NewThreadRequest = z
  .object({
    id: clientId.optional(),
    anchor: AnchorInput,
    text: z.string().trim().min(1, 'expected the comment').max(REVIEW_LIMITS.commentChars),
    blocking: z.boolean().default(false),
  })
  .strict();

/** `POST /api/documents/:id/comments` answering a thread. */
export const ReplyRequest = z
  .object({
    id: clientId.optional(),
    threadId: z.string().min(1).max(64),
    text: z.string().trim().min(1, 'expected the reply').max(REVIEW_LIMITS.commentChars),
  })
  .strict();

/** `POST /api/documents/:id/comments/:threadId/resolve`. */
export const ResolveRequest = z
  .object({
    outcome: z.enum(OUTCOMES, { error: "expected 'accepted', 'partly_accepted' or 'rejected'" }),
    reason: z.string().trim().min(1, 'expected the reason for the outcome').max(REVIEW_LIMITS.reasonChars),
  })
  .strict();

/** `POST /api/documents/:id/comments/:threadId/reopen`; the reason is optional. */
export const ReopenRequest = z
  .object({ reason: z.string().trim().max(REVIEW_LIMITS.reasonChars).optional() })
  .strict();

/** An `articleTextHash`: base64 of a SHA-256 digest, 44 characters. */
export const ArticleTextHash = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, "expected the article's currentTextHash from GET /api/documents/:id/reviews (44 characters of base64)");

/**
 * `PUT /api/documents/:id/reviews/:articleKey`. An approval carries the `textHash` of the text the reviewer
 * read (issue 11, point 4): the server refuses it with 409 `text_changed` when the text has changed since. A
 * request for changes may carry it too, and is then checked the same way.
 */
export const ReviewRequest = z
  .object({
    status: z.enum(REVIEW_DECISIONS, { error: "expected 'approved' or 'changes_requested'" }),
    note: z.string().trim().max(REVIEW_LIMITS.noteChars).optional(),
    textHash: ArticleTextHash.optional(),
  })
  .strict()
  .superRefine((request, context) => {
    if (request.status === 'approved' && request.textHash === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['textHash'],
        message: "expected the textHash of the article's text you approve (its currentTextHash from GET /api/documents/:id/reviews)",
      });
    }
  });

/** Who wrote or decided something. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

/** One comment of a thread: the first one or a reply. */
export interface CommentEntry {
  readonly id: string;
  readonly author: Person;
  readonly createdAt: string;
  readonly text: string;
}

/** Where a thread points now: the current article and text, or the quoted original once it was deleted. */
export interface ResolvedThreadAnchor {
  readonly state: AnchorState;
  /** The text as it was when the comment was made. */
  readonly quote: string;
  /** The text the range covers now ('' unless anchored). */
  readonly text: string;
  /** The article's stable id, or null outside articles (title, preamble) or when unknown. */
  readonly articleKey: string | null;
  readonly articleNumber: number | null;
  /** "მუხლი 3" / "Article 3" (in an annex: "დანართი №1, მუხლი 2"); the block kind outside articles. */
  readonly articleLabel: string;
  /** The stable id of the block the range starts in. */
  readonly blockUid: string;
  /** Position in document order, for sorting (removed threads sort where their text was). */
  readonly order: number;
}

/** How a thread was settled. */
export interface Resolution {
  readonly outcome: Outcome;
  readonly reason: string;
  readonly by: Person;
  readonly at: string;
}

/** A comment thread as `GET /api/documents/:id/comments` returns it. */
export interface CommentThread extends CommentEntry {
  readonly status: 'open' | 'resolved';
  readonly blocking: boolean;
  /** Made while the act was in public consultation. */
  readonly publicConsultation: boolean;
  readonly anchor: ResolvedThreadAnchor;
  /** The stored anchor, for clients that resolve it against their own copy of the act. */
  readonly position: z.infer<typeof AnchorInput>;
  readonly replies: readonly CommentEntry[];
  readonly resolution: Resolution | null;
}

/** `GET /api/documents/:id/comments`. */
export interface CommentsResponse {
  readonly threads: readonly CommentThread[];
}

/** One article's sign-off as `GET /api/documents/:id/reviews` returns it. */
export interface ArticleReview {
  readonly articleKey: string;
  readonly number: number;
  readonly label: string;
  readonly heading: string;
  readonly status: ArticleReviewStatus;
  readonly reviewer: Person | null;
  readonly at: string | null;
  readonly note: string | null;
  /** The hash of the article's text when it was decided on; compare with `articleTextHash` of the current text. */
  readonly textHash: string | null;
  /** `articleTextHash` of the article's current text: what an approval of this text must send as `textHash`. */
  readonly currentTextHash: string;
}

/** `GET /api/documents/:id/reviews`. */
export interface ReviewsResponse {
  readonly articles: readonly ArticleReview[];
  /** Why the act may not leave legal review now, or null. */
  readonly blockers: string | null;
}
