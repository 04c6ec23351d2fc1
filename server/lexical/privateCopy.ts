import type { LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { bindEditor, createActEditor, mirrorLexicalToYjs, mirrorYjsToLexical } from './actEditor';

/** The outcome of a server edit on a private copy: the update for the live document, and who wrote it. */
export interface PrivateEdit<T> {
  readonly update: Uint8Array;
  /** The Yjs client id the copy wrote under, recorded as the deciding member's (issue 12). */
  readonly clientId: number;
  readonly value: T;
}

/**
 * Loads `state` into a private, bound copy of an act (DESIGN.md, "Server edit of a live document"), runs
 * `run` on its headless editor and returns the diff that brings the live document to the copy's state. The
 * state vector is the loaded state's, not the copy's after binding, so anything the binding wrote while
 * loading is in the diff too and the live document never receives an update that depends on items it lacks.
 * Accepted suggestions (issue 12) and the adoption data (issue 13) are written this way.
 */
export function editPrivateCopy<T>(state: Uint8Array, docId: string, run: (editor: LexicalEditor, doc: Y.Doc) => T): PrivateEdit<T> {
  const editor = createActEditor();
  const doc = new Y.Doc();
  const binding = bindEditor(editor, doc, docId);
  const stopIn = mirrorYjsToLexical(binding);
  const stopOut = mirrorLexicalToYjs(editor, binding);
  try {
    const before = Y.encodeStateVectorFromUpdate(state);
    Y.applyUpdate(doc, state);
    editor.update(() => {}, { discrete: true });
    const value = run(editor, doc);
    return { update: Y.encodeStateAsUpdate(doc, before), clientId: doc.clientID, value };
  } finally {
    stopIn();
    stopOut();
    doc.destroy();
  }
}
