import { $getRoot, $parseSerializedNode, type SerializedEditorState, type SerializedLexicalNode } from 'lexical';
import { createActEditor } from '../lexical/actEditor';
import { seedStateWith } from '../lexical/seed';

/**
 * The first Yjs state of a revision: the editor content of the text in force, rebuilt node by node in a fresh
 * document (issue 13, §4). Every block keeps its stable id, which is what keeps its number in the revision;
 * the revision starts with none of the act's Yjs history or client ids, so its attribution is its own.
 */
export function seedFromEditorState(content: SerializedEditorState, id: string): Uint8Array {
  return seedStateWith(createActEditor(), id, () => {
    const root = $getRoot();
    root.clear();
    root.append(...content.root.children.map((child) => $parseSerializedNode(child as SerializedLexicalNode)));
  });
}
