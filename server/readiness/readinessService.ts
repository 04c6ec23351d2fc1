import { noteProblems } from '../../shared/note/noteProblems';
import { checkReadiness } from '../../shared/readiness/checkReadiness';
import type { ReadinessFacts, ReadinessProblem, ReadinessReport } from '../../shared/readiness/readinessTypes';
import { georgianDate } from '../../shared/workflow/calendar';
import { currentStage } from '../review/workflowAccess';
import type { Workspace } from '../workspace';

/**
 * A source of readiness problems beyond the act's text and review, such as the explanatory note's empty
 * sections (issue 13, §3): it lists its problems of one document.
 */
export type ReadinessContributor = (workspace: Workspace, docId: string) => readonly ReadinessProblem[];

/** The explanatory note's empty sections, as warnings (issue 13, §3). */
const noteReadiness: ReadinessContributor = (workspace, docId) => {
  const note = workspace.notes.model(docId);
  return note ? noteProblems(note) : [];
};

/** The contributors every readiness report asks, in order; a new part adds its own here. */
export const READINESS_CONTRIBUTORS: readonly ReadinessContributor[] = [noteReadiness];

/** What readiness knows of an act beyond its text: its stage, its records and its open review. */
export function readinessFacts(workspace: Workspace, docId: string, now: Date = new Date()): ReadinessFacts {
  const history = workspace.workflow.state(docId, null, now).history;
  const publicationDate = [...history].reverse().find((e) => e.data.publicationDate)?.data.publicationDate;
  const { comments, suggestions, reviews } = workspace.review;
  return {
    stage: currentStage(workspace, docId),
    today: georgianDate(now),
    ...(publicationDate ? { publicationDate } : {}),
    openComments: comments
      .list(docId)
      .filter((t) => t.status === 'open')
      .map((t) => ({ articleKey: t.anchor.articleKey, blocking: t.blocking, publicConsultation: t.publicConsultation, text: t.text })),
    openSuggestions: suggestions
      .list(docId)
      .filter((s) => s.status === 'open' || s.status === 'stale')
      .map((s) => ({ articleKey: s.articleKey, text: s.text || s.quote })),
    approvals: reviews.articles(docId).map((a) => ({ articleKey: a.articleKey, status: a.status })),
  };
}

/** Every readiness problem of a document now, or null when the document does not exist. */
export function readinessOf(workspace: Workspace, docId: string, now: Date = new Date(), contributors: readonly ReadinessContributor[] = READINESS_CONTRIBUTORS): ReadinessReport | null {
  const model = workspace.documents.model(docId);
  if (!model) return null;
  const extra = contributors.flatMap((contribute) => contribute(workspace, docId));
  return checkReadiness(model, readinessFacts(workspace, docId, now), undefined, extra);
}
