import { createHeadlessEditor } from '@lexical/headless';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import type { Klass, LexicalEditor, LexicalNode, SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { ACT_NODES } from '../../shared/nodes';

/**
 * The Yjs room name of an act's editor content. It must equal the `id` the renderer's CollaborationPlugin
 * binds, which is the document id; the binding's root XmlText is always named 'root'.
 */
export const EDITOR_ROOT = 'root';

/** A server-side editor of the given node classes: no DOM, and an error inside an update is thrown. */
export function createServerEditor(namespace: string, nodes: ReadonlyArray<Klass<LexicalNode>>): LexicalEditor {
  return createHeadlessEditor({
    namespace,
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
}

/** A server-side editor of acts: no DOM, the same node classes as the renderer. */
export function createActEditor(): LexicalEditor {
  return createServerEditor('sajaro', ACT_NODES);
}

/** The provider stub the binding needs on the server: no awareness, no cursors (DESIGN.md). */
const SERVER_PROVIDER = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    setLocalState: () => {},
    setLocalStateField: () => {},
    on: () => {},
    off: () => {},
  },
  connect: () => {},
  disconnect: () => {},
  on: () => {},
  off: () => {},
} as unknown as Provider;

/** Binds a headless editor to a Y.Doc in the shape CollaborationPlugin uses. */
export function bindEditor(editor: LexicalEditor, doc: Y.Doc, id: string): Binding {
  return createYjsBinding({ editor, id, doc, docMap: new Map([[id, doc]]) });
}

/** Mirrors every Lexical update of the editor into the binding's Y.Doc (Lexical → Yjs). */
export function mirrorLexicalToYjs(editor: LexicalEditor, binding: Binding): () => void {
  return editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, SERVER_PROVIDER, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
}

/** Mirrors every Yjs change not made by the binding itself into the editor (Yjs → Lexical). */
export function mirrorYjsToLexical(binding: Binding): () => void {
  const shared = binding.root.getSharedType();
  const observer = (events: Array<Y.YEvent<Y.XmlText>>, transaction: Y.Transaction): void => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, SERVER_PROVIDER, events, false);
  };
  shared.observeDeep(observer as never);
  return () => shared.unobserveDeep(observer as never);
}

/**
 * Reads the editor content held in a Yjs state. It binds a fresh, empty doc first and applies the state
 * after, because binding an already-filled doc leaves Lexical empty (DESIGN.md); the copy is private, so
 * normalisation never writes back into a live document.
 */
export function readEditorState(state: Uint8Array, id: string): SerializedEditorState {
  return readStateWith(createActEditor(), state, id);
}

/** Reads a Yjs state as `readEditorState` does, through a fresh editor of the caller's nodes (an act's, a note's). */
export function readStateWith(editor: LexicalEditor, state: Uint8Array, id: string): SerializedEditorState {
  // A read-only copy: with gc off, applying a state that keeps its deleted text costs no garbage collection.
  const doc = new Y.Doc({ gc: false });
  const binding = bindEditor(editor, doc, id);
  const stop = mirrorYjsToLexical(binding);
  try {
    Y.applyUpdate(doc, state);
    editor.update(() => {}, { discrete: true });
    return editor.getEditorState().toJSON();
  } finally {
    stop();
    doc.destroy();
  }
}
