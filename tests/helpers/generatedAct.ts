import * as Y from 'yjs';
import { seedActState } from '../../server/lexical/seed';
import { readEditorState } from '../../server/lexical/actEditor';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import { renderPlainText } from '../../shared/model/plainText';
import type { Workspace } from '../../server/workspace';
import { generateAct } from '../../bench/lib/act';

/**
 * Stores a generated act of `pages` pages (the bench's generator, bench/lib/act.ts) as a new document, as the
 * bench does: created blank through the documents service, its stored state replaced before anyone opens it.
 */
export function createGeneratedAct(workspace: Workspace, pages: number, seed = 14): { docId: string; stateBytes: number } {
  const act = generateAct({ pages, seed });
  const created = workspace.documents.create({ title: `A ${pages}-page act`, language: 'ka' });
  if (!created.ok) throw new Error(created.error);
  const docId = created.value.id;
  const state = seedActState(act.blocks, docId);
  workspace.db.transaction(() => {
    workspace.db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(docId);
    workspace.store.append(docId, state);
  })();
  workspace.documents.textChanged(docId);
  return { docId, stateBytes: state.byteLength };
}

/** The act's plain text as the server renders it (GET /text), read from a client's Y.Doc. */
export function plainTextOf(doc: Y.Doc, docId: string): string {
  return renderPlainText(deriveDocumentModel(readEditorState(Y.encodeStateAsUpdate(doc), docId), 'ka'));
}
