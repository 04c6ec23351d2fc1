import * as Y from 'yjs';
import type { UpdateFileProblem } from '../../shared/api/errorCodes';
import type { Member } from '../../shared/api/members';
import type { AppliedActChanges, ImportChangesResponse, RefusedActChanges } from '../../shared/api/updateFiles';
import { decodeUpdateFile, verifyUpdateFile, type UpdateFileAct } from '../../shared/updateFile/updateFileCodec';
import { appendAudit } from '../audit/auditLog';
import { canEditText, may, mayComment } from '../auth/permissions';
import { currentStage } from '../review/workflowAccess';
import { checkUpdate, type UpdateCheck } from '../sync/updateCheck';
import type { Workspace } from '../workspace';
import { signerOf } from './signerKey';

/** The origin of text loaded from a member's file (CONVENTIONS: tag transaction origins). */
export const IMPORT_ORIGIN = 'update-file-import';

/** Why a whole file was refused: 400 `bad_update_file`, or 403 when the loader may not load it. */
export type ImportFailure =
  | { readonly status: 400; readonly code: 'bad_update_file'; readonly message: string; readonly problem: UpdateFileProblem }
  | { readonly status: 403; readonly code: 'forbidden'; readonly message: string };

/**
 * Loads a member's `.sajaro` file as if the member had synced (issue 14, part 4). The whole file is checked
 * first (structure, a member of this workspace, their signature, every update decodable), so a bad file
 * changes nothing. Then each act in one transaction with its audit entry: the text through the sync server's
 * own edit path under the member's name, so client-id ownership and attribution apply as on the socket;
 * their queued comments and suggestions through the same services as the API, whose client ids make a second
 * load harmless. Coordinators may load anyone's file, every other member only their own.
 */
export function importChanges(workspace: Workspace, loader: Member, bytes: Uint8Array): { ok: true; value: ImportChangesResponse } | { ok: false; error: ImportFailure } {
  const bad = (problem: UpdateFileProblem, message: string) => ({ ok: false as const, error: { status: 400 as const, code: 'bad_update_file' as const, message, problem } });
  const decoded = decodeUpdateFile(bytes);
  if (!decoded.ok) return bad('not_an_update_file', `This is not a usable Sajaro update file: ${decoded.error}`);
  const file = decoded.value;
  if (file.kind !== 'member-changes') return bad('act_copy', `This file is a copy of an act for a member offline (kind '${file.kind}'), not a member's changes: open it in the member's app instead`);
  const signer = signerOf(workspace.db, file.memberId);
  if (!signer) return bad('unknown_member', `The file was made by member '${file.memberId}', whom this workspace does not know: it comes from another workspace`);
  // Checked before anything else is said about the member, so a forged file learns nothing more.
  if (!verifyUpdateFile(file, signer.key)) return bad('signature', `The file's signature does not match member '${signer.member.name}': it was changed after it was made, or not made with their link`);
  if (signer.revoked) return bad('revoked', `The file was made by '${signer.member.name}', whose access has been revoked`);
  if (loader.id !== signer.member.id && !may(loader.role, 'manageMembers')) {
    return { ok: false, error: { status: 403, code: 'forbidden', message: `Your role '${loader.role}' may load only your own files; '${signer.member.name}''s file is loaded by a coordinator (permission 'manageMembers')` } };
  }
  const merged = new Map<string, Uint8Array | null>();
  for (const act of file.acts) {
    try {
      for (const update of act.updates) Y.decodeUpdate(update);
      merged.set(act.docId, act.updates.length ? Y.mergeUpdates(act.updates as Uint8Array[]) : null);
    } catch (error) {
      return bad('bad_update', `The changes to act '${act.docId}' are not Yjs updates (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  const applied: AppliedActChanges[] = [];
  const refused: RefusedActChanges[] = [];
  for (const act of file.acts) {
    const outcome = importAct(workspace, loader, signer.member, act, merged.get(act.docId) ?? null, file.createdAt);
    if (outcome.applied) applied.push(outcome.applied);
    refused.push(...outcome.refused);
  }
  return { ok: true, value: { applied, refused } };
}

/** What became of one act: what it took, and what it refused (a whole act, or its text, or some comments). */
interface ActOutcome {
  readonly applied: AppliedActChanges | null;
  readonly refused: RefusedActChanges[];
}

function importAct(workspace: Workspace, loader: Member, member: Member, act: UpdateFileAct, update: Uint8Array | null, fileCreatedAt: string): ActOutcome {
  const { docId } = act;
  const refuseAll = (reason: string): ActOutcome => ({ applied: null, refused: [{ docId, reason }] });
  if (!workspace.documents.get(docId)) return refuseAll(`This workspace has no act '${docId}'`);
  // An adopted act changes only through an amending act: nothing of the file goes in, comments neither.
  const locked = workspace.workflow.lockReason(docId);
  if (locked) return refuseAll(`The act is locked, nothing was applied: ${locked}`);

  const refused: RefusedActChanges[] = [];
  const check = update ? checkAgainstAct(workspace, docId, update) : ({ kind: 'nothingNew' } as const);
  let applyText = false;
  if (check.kind !== 'nothingNew') {
    const readOnly = canEditText(workspace, docId, member);
    if (readOnly) refused.push({ docId, reason: `The text was not changed: ${member.name} may not edit it (${readOnly})` });
    else {
      // The sync endpoint's rules: nobody writes under another member's client id, and nothing that builds on
      // text the workspace does not have is kept half-applied.
      const foreign = workspace.attribution.foreignWriter(docId, member.id, check.writers);
      if (foreign) return refuseAll(`The file's text is written under the Yjs client id ${foreign.client}, which belongs to another member: nothing was applied`);
      if (check.kind === 'incomplete') return refuseAll(`The file's changes build on text this workspace does not have (${check.reason}): nothing was applied`);
      applyText = true;
    }
  }
  const hasReview = act.comments.length > 0 || act.suggestions.length > 0;
  const mayReview = mayComment(member.role, currentStage(workspace, docId));
  if (hasReview && !mayReview) refused.push({ docId, reason: `The comments and suggestions were not added: ${member.name}'s role '${member.role}' may not comment on this act in its current stage` });

  const actor = { id: member.id, name: member.name };
  let comments = 0;
  let suggestions = 0;
  workspace.db.transaction(() => {
    if (applyText) workspace.sync.applyServerEdit(docId, update!, IMPORT_ORIGIN, undefined, member.id);
    if (mayReview) {
      const known = knownCommentIds(workspace, docId);
      for (const comment of act.comments) {
        if (known.has(comment.body.id)) continue;
        const result = comment.kind === 'thread' ? workspace.review.comments.create(docId, comment.body, actor) : workspace.review.comments.reply(docId, comment.body, actor);
        if (result.ok) comments += 1;
        else refused.push({ docId, reason: `A comment was not added: ${result.error}` });
      }
      for (const suggestion of act.suggestions) {
        const result = workspace.review.suggestions.create(docId, suggestion, actor);
        if (result.ok && result.value.created) suggestions += 1;
        else if (!result.ok) refused.push({ docId, reason: `A suggestion was not added: ${result.error}` });
      }
    }
    // A second load of the same file changes nothing, so it writes no audit entry either.
    if (applyText || comments || suggestions) {
      appendAudit(workspace.db, {
        at: new Date().toISOString(),
        actor: loader.id,
        action: 'changes.imported',
        docId,
        payload: { member: member.id, name: member.name, text: applyText, updates: applyText ? act.updates.length : 0, comments, suggestions, fileCreatedAt },
      });
    }
  })();
  return { applied: { docId, updates: applyText ? act.updates.length : 0, comments, suggestions }, refused };
}

/** Checks an update against the act as the server holds it: the live room's document, or the stored state. */
function checkAgainstAct(workspace: Workspace, docId: string, update: Uint8Array): UpdateCheck {
  const room = workspace.sync.openRoom(docId);
  if (room && !room.isBroken) return checkUpdate(room.doc, update);
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, workspace.documents.currentState(docId));
    return checkUpdate(copy, update);
  } finally {
    copy.destroy();
  }
}

/** The ids of the act's comment threads and replies: a comment already in was loaded or synced before. */
function knownCommentIds(workspace: Workspace, docId: string): Set<string> {
  const ids = new Set<string>();
  for (const thread of workspace.review.comments.list(docId)) {
    ids.add(thread.id);
    for (const reply of thread.replies) ids.add(reply.id);
  }
  return ids;
}
