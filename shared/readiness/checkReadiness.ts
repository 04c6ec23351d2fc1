import type { DocumentModel } from '../model/documentModel';
import type { ReadinessCheck, ReadinessFacts, ReadinessProblem, ReadinessReport } from './readinessTypes';
import { checkUnitNames } from './referenceUnits';
import { checkApprovals, checkOpenComments, checkOpenSuggestions } from './reviewChecks';
import { checkEntryIntoForce, checkEntryIntoForceDate, checkLegalBasis, checkTitleForm } from './structureChecks';
import { checkBrokenReferences, checkEmptyUnits, checkPlaceholders } from './textChecks';

/**
 * The checks of an act before the council sees it (issue 13, §1), in the order their problems are listed:
 * the text first, then its form, then the review. Each check's comment says why its problems block or warn.
 */
export const READINESS_CHECKS: readonly ReadinessCheck[] = [
  checkEmptyUnits,
  checkPlaceholders,
  checkBrokenReferences,
  checkLegalBasis,
  checkEntryIntoForce,
  checkEntryIntoForceDate,
  checkTitleForm,
  checkUnitNames,
  checkOpenComments,
  checkOpenSuggestions,
  checkApprovals,
];

/**
 * Lists every problem of an act. `checks` defaults to READINESS_CHECKS; other parts add theirs (the
 * explanatory note's empty sections, say) by passing `[...READINESS_CHECKS, theirs]` or, when the problems
 * come from elsewhere, as `extra`. The act is ready when nothing is left to fix or to override.
 */
export function checkReadiness(model: DocumentModel, facts: ReadinessFacts, checks: readonly ReadinessCheck[] = READINESS_CHECKS, extra: readonly ReadinessProblem[] = []): ReadinessReport {
  const problems = [...checks.flatMap((check) => check(model, facts)), ...extra];
  return { ready: problems.length === 0, problems };
}

/** The blocking problems of a report: no override lets an act past these. */
export function blockingProblems(report: ReadinessReport): ReadinessProblem[] {
  return report.problems.filter((p) => p.severity === 'blocking');
}

/** The warnings of a report: a coordinator may override these with a reason. */
export function warningProblems(report: ReadinessReport): ReadinessProblem[] {
  return report.problems.filter((p) => p.severity === 'warning');
}
