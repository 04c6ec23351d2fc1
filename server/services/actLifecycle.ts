import { $createTextNode, $getRoot } from 'lexical';
import type { DocumentSummary } from '../../shared/api/documents';
import type { Member } from '../../shared/api/members';
import { $createActPartNode, $isActPartNode, HEADER_PARTS } from '../../shared/nodes';
import { appendAudit } from '../audit/auditLog';
import { withFullSync } from '../db/openDatabase';
import { editPrivateCopy } from '../lexical/privateCopy';
import type { Workspace } from '../workspace';

/** The origin of the server's edit that writes a new title into the act (CONVENTIONS: tag origins). */
export const RENAME_ORIGIN = 'document-rename';

/** Why a rename or an archive step was refused: the HTTP status, a stable code and a sentence. */
export interface LifecycleRefusal {
  readonly status: 404 | 409;
  readonly code: 'not_found' | 'locked' | 'already_archived' | 'not_archived';
  readonly message: string;
}

/** A renamed, archived or restored act, or why not. */
export type LifecycleOutcome = { readonly ok: true; readonly value: DocumentSummary } | { readonly ok: false; readonly error: LifecycleRefusal };
type Outcome = LifecycleOutcome;
const ok = (value: DocumentSummary): Outcome => ({ ok: true, value });
const fail = (error: LifecycleRefusal): Outcome => ({ ok: false, error });

/**
 * Writes `title` into the act's title block, inside `editor.update`: the first title line takes the whole
 * title and any further title lines go (a title is one sentence); an act without one gets it after its
 * header. Returns whether the text changed.
 */
export function $writeActTitle(title: string): boolean {
  const root = $getRoot();
  const parts = root.getChildren().filter($isActPartNode);
  const lines = parts.filter((n) => n.getPart() === 'title');
  const [first, ...rest] = lines;
  if (first && rest.length === 0 && first.getTextContent() === title) return false;
  rest.forEach((n) => n.remove());
  const line = first ?? $createActPartNode('title');
  first?.clear();
  line.append($createTextNode(title));
  if (!first) {
    const header = parts.filter((n) => HEADER_PARTS.includes(n.getPart()));
    const last = header.at(-1);
    if (last) last.insertAfter(line);
    else if (root.getFirstChild()) root.getFirstChild()!.insertBefore(line);
    else root.append(line);
  }
  return true;
}

/**
 * Renaming and archiving acts (issue 15). The title is part of the act's text, so a rename is a server edit
 * of the live document (`SyncServer.applyServerEdit`), recorded as the renaming member's, with the row's
 * title and the audit entry in the same transaction; an adopted act's text is locked, so is its title.
 * Archiving keeps everything and only hides the act from the list and the dashboard.
 */
export function createActLifecycle(workspace: Workspace) {
  const { db, documents } = workspace;
  const found = (docId: string): Outcome => {
    const doc = documents.get(docId);
    return doc ? ok(doc) : fail({ status: 404, code: 'not_found', message: `Unknown document '${docId}'` });
  };
  const published = (doc: DocumentSummary, at: string): Outcome => {
    // After the transaction: open lists and dashboards reload.
    setImmediate(() => workspace.events.publish({ type: 'document', docId: doc.id, at }));
    return ok(documents.withTextTitle(documents.get(doc.id)!));
  };

  return {
    rename(docId: string, title: string, by: Member): Outcome {
      const doc = found(docId);
      if (!doc.ok) return doc;
      const locked = workspace.workflow.lockReason(docId);
      if (locked) return fail({ status: 409, code: 'locked', message: `The act's text is locked, and its title with it: ${locked}` });
      const from = documents.withTextTitle(doc.value).title;
      const at = new Date().toISOString();
      const record = () => {
        documents.setTitle(docId, title);
        appendAudit(db, { at, actor: by.id, action: 'document.renamed', docId, payload: { from, to: title, by: by.name } });
      };
      const edit = editPrivateCopy(documents.currentState(docId), docId, (editor) => {
        let changed = false;
        editor.update(() => void (changed = $writeActTitle(title)), { discrete: true });
        return changed;
      });
      if (edit.value) workspace.sync.applyServerEdit(docId, edit.update, RENAME_ORIGIN, record, by.id);
      else if (from !== title || doc.value.title !== title) withFullSync(db, record);
      return published(doc.value, at);
    },

    archive(docId: string, by: Member): Outcome {
      const doc = found(docId);
      if (!doc.ok) return doc;
      if (doc.value.archivedAt) return fail({ status: 409, code: 'already_archived', message: `Document '${docId}' is already archived (since ${doc.value.archivedAt}): expected an act in use` });
      const at = new Date().toISOString();
      withFullSync(db, () => {
        documents.setArchived(docId, at);
        appendAudit(db, { at, actor: by.id, action: 'document.archived', docId, payload: { title: documents.withTextTitle(doc.value).title, by: by.name } });
      });
      return published(doc.value, at);
    },

    restore(docId: string, by: Member): Outcome {
      const doc = found(docId);
      if (!doc.ok) return doc;
      if (!doc.value.archivedAt) return fail({ status: 409, code: 'not_archived', message: `Document '${docId}' is not archived: expected an archived act` });
      const at = new Date().toISOString();
      withFullSync(db, () => {
        documents.setArchived(docId, null);
        appendAudit(db, { at, actor: by.id, action: 'document.restored', docId, payload: { title: documents.withTextTitle(doc.value).title, archivedAt: doc.value.archivedAt, by: by.name } });
      });
      return published(doc.value, at);
    },
  };
}

/** Renaming, archiving and restoring acts. */
export type ActLifecycle = ReturnType<typeof createActLifecycle>;
