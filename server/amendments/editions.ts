import type { WorkflowService } from '../workflow/workflowService';
import type { AmendmentStore } from './amendmentStore';

/** Where one edition's text is kept: a frozen version of the act itself (edition 1) or of the revision. */
export interface EditionSource {
  readonly number: number;
  readonly docId: string;
  readonly versionId: string;
  /** YYYY-MM-DD. */
  readonly inForceFrom: string;
  /** The revision whose amending act made this edition (absent for edition 1). */
  readonly amendedBy?: string;
}

/**
 * The editions of an act, oldest first. Edition 1 is the version frozen when the act itself entered into
 * force, read from its stage history, so acts that entered into force before editions existed have it too.
 */
export function editionsOf(store: AmendmentStore, workflow: WorkflowService, actId: string, inForceStage = 'in_force'): EditionSource[] {
  const entered = workflow.state(actId, null).history.find((e) => e.stage === inForceStage && e.versionId);
  if (!entered?.versionId) return [];
  const first: EditionSource = {
    number: 1,
    docId: actId,
    versionId: entered.versionId,
    inForceFrom: entered.data.publicationDate ?? entered.enteredAt.slice(0, 10),
  };
  return [first, ...store.editions(actId).map((e) => ({ number: e.number, docId: e.amendedBy, versionId: e.versionId, inForceFrom: e.inForceFrom, amendedBy: e.amendedBy }))];
}
