import { useCallback, useEffect, useRef } from 'react';
import type { Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { Language } from '../../../shared/lang/language';
import type { Session } from '../connection/session';
import { createDocumentConnection, type ConnectionOptions, type DocumentConnection } from './createProvider';

/** What every live editor (the act's, its note's) needs to know of its room and its user. */
export interface RoomEditorProps {
  readonly session: Session;
  readonly docId: string;
  readonly language: Language;
  readonly userName: string;
  readonly userColor: string;
  readonly readOnly: boolean;
}

/**
 * The CollaborationPlugin's provider factory: one connection at a time, the previous connection's local copy
 * closed before a new one opens. `onProvider` is told each new provider; `options` are the connection's.
 */
export function useRoomProviderFactory(session: Session, onProvider?: (provider: WebsocketProvider) => void, options?: ConnectionOptions) {
  const connection = useRef<DocumentConnection | null>(null);
  return useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      connection.current?.local.destroy();
      connection.current = createDocumentConnection(session, id, yjsDocMap, options);
      onProvider?.(connection.current.provider);
      return connection.current.provider as unknown as Provider;
    },
    [session, onProvider, options],
  );
}

/** Keeps the editor's editability in step with `readOnly`: initialConfig is read once, and a room can turn read-only while open. */
export function useEditableUnless(editor: LexicalEditor | null, readOnly: boolean): void {
  useEffect(() => editor?.setEditable(!readOnly), [editor, readOnly]);
}
