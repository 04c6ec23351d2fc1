import type { StagesState } from '../../shared/api/workflow';
import type { Parsed } from '../../shared/parsed';
import type { ReadinessProblem } from '../../shared/readiness/readinessTypes';
import type { TransitionRequest } from '../../shared/workflow/stateMachine';
import { appendAudit } from '../audit/auditLog';
import type { Actor } from '../workflow/actor';
import type { Workspace } from '../workspace';

/**
 * Makes a move the readiness gate let through. When it overrides warnings, the override is audited as
 * `readiness.warnings_overridden` (who, why, which warnings) inside the move's own transaction, so the move
 * and its justification are stored together or not at all.
 */
export function moveWithReadiness(workspace: Workspace, docId: string, request: TransitionRequest, actor: Actor, overridden: readonly ReadinessProblem[], reason: string | undefined): Parsed<StagesState> {
  if (!overridden.length) return workspace.workflow.transition(docId, request, actor);
  return workspace.workflow.transition(docId, request, actor, new Date(), (move) =>
    appendAudit(workspace.db, {
      at: move.at,
      actor: actor.id,
      action: 'readiness.warnings_overridden',
      docId,
      payload: { from: move.from, to: move.to, by: actor.name, reason: reason ?? '', warnings: overridden.map((w) => ({ code: w.code, articleKey: w.articleKey ?? null, message: w.message })) },
    }),
  );
}
