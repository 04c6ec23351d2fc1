import * as Y from 'yjs';
import type { Workspace } from '../workspace';

/** The stage an act is in before the workflow records any (issue 4): the first of the default workflow. */
export const STAGE_WHEN_UNKNOWN = 'drafting';

/** The stage in which comments are public-consultation comments. */
export const PUBLIC_CONSULTATION = 'public_consultation';

/** The stage lawyers review in; the act may not leave it forward until every article is approved. */
export const LEGAL_REVIEW = 'legal_review';

/** The stage an act is in now (the workflow's record; `drafting` before it records any). */
export function currentStage(workspace: Workspace, docId: string): string {
  return workspace.workflow.state(docId, null).current || STAGE_WHEN_UNKNOWN;
}

/** A state of an act to read comments against: the current one or a frozen version. */
export interface ActSnapshot {
  readonly doc: Y.Doc;
  /** 'current', or the version's id. */
  readonly version: string;
  /** The version's name, or '' for the current state. */
  readonly name: string;
  /** When the version was frozen; null for the current state. */
  readonly frozenAt: string | null;
  /** True when `doc` is the live document, which must not be destroyed or changed. */
  readonly live: boolean;
}

/** The live Y.Doc of an act if it is open, else a private copy of its stored state. */
export function currentSnapshot(workspace: Workspace, docId: string): ActSnapshot {
  const live = workspace.sync.openRoom(docId);
  if (live && !live.isBroken) return { doc: live.doc, version: 'current', name: '', frozenAt: null, live: true };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, workspace.documents.currentState(docId));
  return { doc, version: 'current', name: '', frozenAt: null, live: false };
}

/** A frozen version of an act as a private Y.Doc, or a sentence saying why there is none. */
export function versionSnapshot(workspace: Workspace, docId: string, versionId: string): ActSnapshot | string {
  const { versions } = workspace;
  const version = versions.get(docId, versionId);
  const state = version ? versions.state(docId, versionId) : null;
  if (!version || !state) return `Unknown version '${versionId}' of document '${docId}': expected 'current' or the id of one of its versions`;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return { doc, version: version.id, name: version.name, frozenAt: version.createdAt, live: false };
}

/** Frees a snapshot's private copy. */
export function releaseSnapshot(snapshot: ActSnapshot): void {
  if (!snapshot.live) snapshot.doc.destroy();
}
