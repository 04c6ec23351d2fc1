import { seedActState } from '../../server/lexical/seed';
import type { Workspace } from '../../server/workspace';
import { generateAct, type GeneratedAct } from './act';

/**
 * Stores a generated act as a new document of a workspace. A generated act cannot come from a template, so the
 * document is created blank through the documents service (row, first stage, audit) and its stored state is
 * replaced by the seeded act before anyone opens it. Used by the bench's server and by tests that need a big act.
 */
export function storeGeneratedAct(workspace: Workspace, spec: { pages: number; seed: number; title: string }): { docId: string; act: GeneratedAct; stateBytes: number } {
  const act = generateAct({ pages: spec.pages, seed: spec.seed });
  const created = workspace.documents.create({ title: spec.title, language: 'ka' });
  if (!created.ok) throw new Error(created.error);
  const docId = created.value.id;
  const state = seedActState(act.blocks, docId);
  workspace.db.transaction(() => {
    workspace.db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(docId);
    workspace.store.append(docId, state);
  })();
  workspace.documents.textChanged(docId);
  return { docId, act, stateBytes: state.byteLength };
}
