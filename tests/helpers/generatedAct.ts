import * as Y from 'yjs';
import { readEditorState } from '../../server/lexical/actEditor';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import { renderPlainText } from '../../shared/model/plainText';
import type { Workspace } from '../../server/workspace';
import { storeGeneratedAct } from '../../bench/lib/storeGeneratedAct';

/** Stores a generated act of `pages` pages (the bench's generator, bench/lib/act.ts) as a new document, as the bench does. */
export function createGeneratedAct(workspace: Workspace, pages: number, seed = 14): { docId: string; stateBytes: number } {
  const { docId, stateBytes } = storeGeneratedAct(workspace, { pages, seed, title: `A ${pages}-page act` });
  return { docId, stateBytes };
}

/** The act's plain text as the server renders it (GET /text), read from a client's Y.Doc. */
export function plainTextOf(doc: Y.Doc, docId: string): string {
  return renderPlainText(deriveDocumentModel(readEditorState(Y.encodeStateAsUpdate(doc), docId), 'ka'));
}
