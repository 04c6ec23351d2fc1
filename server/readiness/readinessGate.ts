import type { ReadinessProblem } from '../../shared/readiness/readinessTypes';
import { blockingProblems, warningProblems } from '../../shared/readiness/checkReadiness';
import { TEXT_LOCKED_STAGES } from '../../shared/workflow/defaultWorkflow';
import type { WorkflowDefinition } from '../../shared/workflow/workflowDefinition';
import { currentStage } from '../review/workflowAccess';
import type { Workspace } from '../workspace';
import { readinessOf } from './readinessService';

/** The first stage the act may enter only when ready: the council's commission (issue 13, §1). */
export const READINESS_FROM = 'commission';
/** Moves out of the process, never gated: an act may always be rejected or withdrawn. */
const WAYS_OUT: readonly string[] = ['rejected', 'withdrawn'];

/**
 * True for a move the readiness gate guards: forward into `commission` or any stage after it. A workflow
 * without a commission (a Mayor's order, say) is gated from its first text-locked stage, its adoption.
 */
export function isGatedMove(definition: WorkflowDefinition, from: string, to: string): boolean {
  const ids = definition.stages.map((s) => s.id);
  const start = ids.includes(READINESS_FROM) ? ids.indexOf(READINESS_FROM) : ids.findIndex((id) => TEXT_LOCKED_STAGES.includes(id));
  const target = ids.indexOf(to);
  // A move the workflow does not allow is refused as such by the workflow, not reported as "not ready".
  if (start < 0 || target < 0 || WAYS_OUT.includes(to) || !definition.transitions.some((t) => t.from === from && t.to === to)) return false;
  return target >= start && target > ids.indexOf(from);
}

/** The gate's answer: the move may go on (with the warnings it overrides), or 409 `not_ready` naming the problems. */
export type ReadinessDecision =
  | { readonly ok: true; readonly overridden: readonly ReadinessProblem[] }
  | { readonly ok: false; readonly message: string; readonly problems: readonly ReadinessProblem[] };

const list = (problems: readonly ReadinessProblem[]): string => problems.map((p) => p.message.en).join(' ');

/**
 * Whether an act may move to `to` now. A blocking problem always stops it; warnings stop it unless the
 * coordinator overrides them with a reason, which the caller records in the audit log with the move.
 */
export function readinessGate(workspace: Workspace, docId: string, to: string, override?: { readonly reason: string }): ReadinessDecision {
  if (!isGatedMove(workspace.workflow.definition(workspace.documents.get(docId)?.adoptingBody), currentStage(workspace, docId), to)) return { ok: true, overridden: [] };
  const report = readinessOf(workspace, docId);
  if (!report) return { ok: true, overridden: [] };
  const blocking = blockingProblems(report);
  const warnings = warningProblems(report);
  if (blocking.length) {
    const also = warnings.length ? ` (and ${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : '';
    return { ok: false, problems: report.problems, message: `Cannot move to '${to}': the act is not ready, ${blocking.length} blocking problem${blocking.length === 1 ? '' : 's'}${also}, which no override lifts: ${list(blocking)}` };
  }
  if (warnings.length && !override) {
    return { ok: false, problems: report.problems, message: `Cannot move to '${to}' without an override: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${list(warnings)} A coordinator may move on with "overrideWarnings": { "reason": "…" }.` };
  }
  return { ok: true, overridden: warnings };
}
