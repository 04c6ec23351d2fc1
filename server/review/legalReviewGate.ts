import type { UnapprovedArticle } from '../../shared/api/errorCodes';
import type { ArticleReview } from '../../shared/api/review';
import type { Workspace } from '../workspace';
import { currentStage, LEGAL_REVIEW } from './workflowAccess';

/** Stages an act may go to from legal review without every article approved: back to the drafters, or out. */
export const BACKWARD_FROM_LEGAL_REVIEW: readonly string[] = ['drafting', 'consolidation', 'withdrawn', 'rejected'];

const WHY: Readonly<Record<Exclude<ArticleReview['status'], 'approved'>, string>> = {
  not_reviewed: 'not reviewed',
  changes_requested: 'changes requested',
  needs_rereview: 'changed since approval',
};

/** Why legal review cannot be left forward: the sentence for logs, and the articles and count for the UI. */
export interface LegalReviewBlockers {
  readonly message: string;
  readonly articles: readonly UnapprovedArticle[];
  readonly blockingComments: number;
}

/**
 * Why an act may not leave legal review forward now, as one sentence naming the articles by their current
 * number ("Cannot leave legal review: მუხლი 2 (not reviewed), მუხლი 5 (changes requested) are not approved;
 * 1 blocking comment is open"), or null when every article is approved on its current text and no blocking
 * thread is open.
 */
export function legalReviewBlockers(workspace: Workspace, docId: string): LegalReviewBlockers | null {
  const pending = workspace.review.reviews.articles(docId).filter((a) => a.status !== 'approved');
  const blocking = workspace.review.comments.openBlocking(docId);
  const reasons: string[] = [];
  if (pending.length) {
    const names = pending.map((a) => `${a.label} (${WHY[a.status as keyof typeof WHY]})`).join(', ');
    reasons.push(`${names} ${pending.length === 1 ? 'is' : 'are'} not approved`);
  }
  if (blocking) reasons.push(`${blocking} blocking comment${blocking === 1 ? ' is' : 's are'} open`);
  if (!reasons.length) return null;
  const articles = pending.map((a) => ({ label: a.label, status: a.status as UnapprovedArticle['status'] }));
  return { message: `Cannot leave legal review: ${reasons.join('; ')}`, articles, blockingComments: blocking };
}

/** True for a move out of legal review that the gate guards: forward, not back to drafting or out of the process. */
export function isForwardFromLegalReview(from: string, to: string): boolean {
  return from === LEGAL_REVIEW && to !== LEGAL_REVIEW && !BACKWARD_FROM_LEGAL_REVIEW.includes(to);
}

/**
 * The gate the transitions route asks before moving an act to `to`: the blockers when the move leaves legal
 * review forward, else null (moves back to drafting, withdrawal and moves from other stages pass).
 */
export function legalReviewGate(workspace: Workspace, docId: string, to: string): LegalReviewBlockers | null {
  return isForwardFromLegalReview(currentStage(workspace, docId), to) ? legalReviewBlockers(workspace, docId) : null;
}
