import { useEffect, useState } from 'react';
import { useCollaborationContext } from '@lexical/react/LexicalCollaborationContext';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/**
 * This window's Y.Doc of the act, as CollaborationPlugin holds it. The plugin creates it in an effect, so
 * it may appear after the first render; the editor's first update after that finds it.
 */
export function useActDoc(docId: string): Y.Doc | null {
  const [editor] = useLexicalComposerContext();
  const { yjsDocMap } = useCollaborationContext();
  const [doc, setDoc] = useState<Y.Doc | null>(() => yjsDocMap.get(docId) ?? null);
  useEffect(() => {
    const check = (): void => {
      const current = yjsDocMap.get(docId) ?? null;
      setDoc((previous) => (previous === current ? previous : current));
    };
    check();
    return editor.registerUpdateListener(check);
  }, [editor, yjsDocMap, docId]);
  return doc;
}

/** True once the act's text has synced with the server, and for as long as the connection holds. */
export function useTextSynced(provider: WebsocketProvider | null): boolean {
  const [synced, setSynced] = useState(provider?.synced ?? false);
  useEffect(() => {
    if (!provider) return;
    const onSync = (value: boolean): void => setSynced(value);
    const onStatus = ({ status }: { status: string }): void => {
      if (status !== 'connected') setSynced(false);
    };
    setSynced(provider.synced);
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    return () => {
      provider.off('sync', onSync);
      provider.off('status', onStatus);
    };
  }, [provider]);
  return synced;
}
