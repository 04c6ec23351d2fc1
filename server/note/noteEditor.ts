import { $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import type { Language } from '../../shared/lang/language';
import { $createSeededNoteSection, NOTE_NODES } from '../../shared/nodes/NoteSectionNode';
import type { NoteSections } from '../../shared/note/noteSections';
import { createServerEditor, readStateWith } from '../lexical/actEditor';
import { seedStateWith } from '../lexical/seed';

/** A server-side editor of explanatory notes: no DOM, the same node classes as the renderer's note editor. */
export function createNoteEditor(): LexicalEditor {
  return createServerEditor('sajaro-note', NOTE_NODES);
}

/**
 * Builds a new note's first Yjs state: one section per entry of the section list, titled in the act's
 * language, each with an empty paragraph. The server seeds each note once (DESIGN.md, "Create").
 */
export function seedNoteState(sections: NoteSections, language: Language, room: string): Uint8Array {
  return seedStateWith(createNoteEditor(), room, () => {
    const root = $getRoot();
    root.clear();
    for (const section of sections.sections) root.append($createSeededNoteSection(section.key, section.title[language]));
  });
}

/** Reads the note held in a Yjs state, on a private copy bound before the state is applied (DESIGN.md). */
export function readNoteState(state: Uint8Array, room: string): SerializedEditorState {
  return readStateWith(createNoteEditor(), state, room);
}
