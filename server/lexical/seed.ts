import * as Y from 'yjs';
import type { BlockSpec } from '../../shared/templates/actOutline';
import { $buildOutline } from '../../shared/nodes/buildOutline';
import type { LexicalEditor } from 'lexical';
import { bindEditor, createActEditor, mirrorLexicalToYjs } from './actEditor';

/**
 * Builds a new act's first Yjs state from an outline. The server seeds each document exactly once, when it
 * is created, so no client ever bootstraps content (two bootstraps would duplicate it).
 */
export function seedActState(blocks: readonly BlockSpec[], id: string): Uint8Array {
  return seedStateWith(createActEditor(), id, () => $buildOutline(blocks));
}

/**
 * The first Yjs state that `build` writes (inside a Lexical update) into an empty document bound to `editor`:
 * the one way the server seeds an act, a note or a revision.
 */
export function seedStateWith(editor: LexicalEditor, id: string, build: () => void): Uint8Array {
  // History is kept from the first state on (issue 12), like the live rooms'.
  const doc = new Y.Doc({ gc: false });
  const binding = bindEditor(editor, doc, id);
  const stop = mirrorLexicalToYjs(editor, binding);
  try {
    // Without `discrete` the update is scheduled, and the Yjs doc is still empty when we encode it.
    editor.update(build, { discrete: true });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    stop();
    doc.destroy();
  }
}
