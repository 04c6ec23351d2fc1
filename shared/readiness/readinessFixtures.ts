import { createHeadlessEditor } from '@lexical/headless';
import { deriveDocumentModel } from '../model/deriveModel';
import { allArticles, type DocumentModel } from '../model/documentModel';
import type { SerializedState } from '../model/serializedState';
import type { Language } from '../lang/language';
import { $buildOutline } from '../nodes/buildOutline';
import { ACT_NODES } from '../nodes';
import type { BlockSpec } from '../templates/actOutline';
import { instantiateTemplate, placeholdersOf } from '../templates/instantiate';
import type { Template } from '../templates/templateFormat';
import type { ReadinessFacts } from './readinessTypes';

/**
 * Test fixtures of the readiness check: acts built from templates through the real node classes and
 * numbering, and facts of an act whose review is done. Used by the unit tests only.
 */

/** The value a test fills each of a template's own placeholders with, as a drafter would. */
export function filledValues(template: Template, language: Language): Record<string, string> {
  const values = Object.fromEntries(placeholdersOf(template).map((p) => [p.name, p.default ?? (language === 'ka' ? 'ნიმუში' : 'Sample')]));
  return { ...values, actNumber: '7', date: '2026-03-02', chairName: language === 'ka' ? 'ნინო ბერიძე' : 'Nino Beridze' };
}

/** The outline of a template filled in, as the server seeds it. */
export function templateOutline(template: Template, language: Language, values: Record<string, string>): BlockSpec[] {
  const outline = instantiateTemplate(template, { language, municipality: 'terjola', values });
  if (!outline.ok) throw new Error(outline.error);
  return outline.value;
}

/** The model of an outline: built by a headless editor with the act's node classes, then derived. */
export function modelOfOutline(blocks: readonly BlockSpec[], language: Language): DocumentModel {
  const editor = createHeadlessEditor({ namespace: 'readiness-test', nodes: [...ACT_NODES], onError: (e) => { throw e; } });
  editor.update(() => $buildOutline(blocks), { discrete: true });
  return deriveDocumentModel(editor.getEditorState().toJSON() as unknown as SerializedState, language);
}

/** Facts of an act whose review is done: nothing open, every article approved. */
export function doneFacts(model: DocumentModel, today = '2026-03-02'): ReadinessFacts {
  return { stage: 'legal_review', today, openComments: [], openSuggestions: [], approvals: allArticles(model).map((a) => ({ articleKey: a.key, status: 'approved' })) };
}
