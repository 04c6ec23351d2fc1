import type { Bilingual } from '../lang/language';
import type { DocumentModel } from '../model/documentModel';

/** How much a problem weighs: a blocking one stops the act; a warning stops it until a coordinator overrides it. */
export const SEVERITIES = ['blocking', 'warning'] as const;
/** A severity of a readiness problem. */
export type Severity = (typeof SEVERITIES)[number];

/** One thing wrong with an act before the council sees it (issue 13, §1), in plain words in both languages. */
export interface ReadinessProblem {
  /** What kind of problem, e.g. 'empty_paragraph'; stable, for clients and tests. */
  readonly code: string;
  readonly severity: Severity;
  /** The stable key of the article the problem is in, when it is in one (the editor jumps there). */
  readonly articleKey?: string;
  readonly message: Bilingual;
}

/** `GET /api/documents/:id/readiness`: every problem, and `ready` when there is none to fix or override. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly problems: readonly ReadinessProblem[];
}

/** An open comment thread, as readiness sees it. */
export interface OpenCommentFact {
  readonly articleKey: string | null;
  readonly blocking: boolean;
  readonly publicConsultation: boolean;
  /** The first words of the comment, to name it in the message. */
  readonly text: string;
}

/** An open (or stale, still undecided) suggestion, as readiness sees it. */
export interface OpenSuggestionFact {
  readonly articleKey: string | null;
  readonly text: string;
}

/** A lawyer's sign-off on one article, as readiness sees it. */
export interface ArticleApprovalFact {
  readonly articleKey: string;
  readonly status: 'approved' | 'not_reviewed' | 'changes_requested' | 'needs_rereview';
}

/**
 * The parts of the text the workflow fills from its own records (issue 13, §2) rather than the drafters:
 * the act's number and date in the header, the chairperson's name in the signature.
 */
export const ADOPTION_SLOTS = ['number', 'date', 'signature'] as const;
/** One slot of adoption data in the text. */
export type AdoptionSlot = (typeof ADOPTION_SLOTS)[number];

/** What readiness knows beyond the text: the review, the stage and the records of the act. */
export interface ReadinessFacts {
  readonly stage: string;
  /** Today in Georgia (YYYY-MM-DD): an act not yet published cannot be published before today. */
  readonly today: string;
  /** The Legislative Herald's publication date, once recorded. */
  readonly publicationDate?: string;
  readonly openComments: readonly OpenCommentFact[];
  readonly openSuggestions: readonly OpenSuggestionFact[];
  readonly approvals: readonly ArticleApprovalFact[];
  /**
   * The adoption-data slots whose data the workflow has recorded *and written into the text*: a blank left in
   * one of these is a problem. Slots not listed are excepted from the placeholder check (see placeholders.ts).
   */
  readonly adoptionDataInText?: readonly AdoptionSlot[];
}

/** One kind of check: reads the act and the facts, lists what it finds. */
export type ReadinessCheck = (model: DocumentModel, facts: ReadinessFacts) => ReadinessProblem[];
