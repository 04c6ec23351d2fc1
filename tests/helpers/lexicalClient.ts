import { $createTextNode, $getRoot, type ElementNode, type LexicalEditor } from 'lexical';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { bindEditor, createActEditor, mirrorLexicalToYjs, mirrorYjsToLexical } from '../../server/lexical/actEditor';
import { waitFor } from './testServer';

/**
 * A headless member: the same node classes and binding as the renderer's CollaborationPlugin, over the
 * stock y-websocket provider (disableBc, ws polyfill), so Node tests exercise what a browser does.
 */
export interface LexicalClient {
  readonly editor: LexicalEditor;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The plain text of the whole editor. */
  text(): string;
  /** Appends text to the end of the last block. */
  type(text: string): void;
  /** Runs an edit on the editor (inside editor.update, discrete). */
  edit(fn: () => void): void;
  destroy(): void;
}

/** Connects a headless member to a document and waits until it has synced. */
export async function connectClient(
  serverUrl: string,
  docId: string,
  token: string,
  // `docId` is the room: an act's id, or `<docId>--note` with the note's editor (issue 13).
  options: { waitForSync?: boolean; createEditor?: () => LexicalEditor } = {},
): Promise<LexicalClient> {
  const doc = new Y.Doc();
  const editor = (options.createEditor ?? createActEditor)();
  // Bind to the empty doc first, then let the provider fill it (DESIGN.md, "Derive").
  const binding = bindEditor(editor, doc, docId);
  const stopIn = mirrorYjsToLexical(binding);
  const stopOut = mirrorLexicalToYjs(editor, binding);
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, docId, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 300,
  });
  let destroyed = false;
  const client: LexicalClient = {
    editor,
    doc,
    provider,
    text: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    type: (text) =>
      client.edit(() => {
        const last = $getRoot().getLastChild() as ElementNode | null;
        last?.append($createTextNode(text));
      }),
    edit: (fn) => editor.update(fn, { discrete: true }),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      stopIn();
      stopOut();
      provider.destroy();
      doc.destroy();
    },
  };
  if (options.waitForSync !== false) await waitFor(() => provider.synced, `client of ${docId} to sync`);
  return client;
}
