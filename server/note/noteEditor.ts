import { $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import type { Language } from '../../shared/lang/language';
import { $createSeededNoteSection, NOTE_NODES } from '../../shared/nodes/NoteSectionNode';
import type { NoteSections } from '../../shared/note/noteSections';
import { bindEditor, createServerEditor, mirrorLexicalToYjs, readStateWith } from '../lexical/actEditor';

/** A server-side editor of explanatory notes: no DOM, the same node classes as the renderer's note editor. */
export function createNoteEditor(): LexicalEditor {
  return createServerEditor('sajaro-note', NOTE_NODES);
}

/**
 * Builds a new note's first Yjs state: one section per entry of the section list, titled in the act's
 * language, each with an empty paragraph. The server seeds each note once (DESIGN.md, "Create").
 */
export function seedNoteState(sections: NoteSections, language: Language, room: string): Uint8Array {
  const editor = createNoteEditor();
  const doc = new Y.Doc();
  const binding = bindEditor(editor, doc, room);
  const stop = mirrorLexicalToYjs(editor, binding);
  try {
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        for (const section of sections.sections) root.append($createSeededNoteSection(section.key, section.title[language]));
      },
      // Without `discrete` the update is scheduled, and the Yjs doc is still empty when we encode it.
      { discrete: true },
    );
    return Y.encodeStateAsUpdate(doc);
  } finally {
    stop();
    doc.destroy();
  }
}

/** Reads the note held in a Yjs state, on a private copy bound before the state is applied (DESIGN.md). */
export function readNoteState(state: Uint8Array, room: string): SerializedEditorState {
  return readStateWith(createNoteEditor(), state, room);
}
