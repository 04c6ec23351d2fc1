import { useCallback, useEffect, useRef, useState } from 'react';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Language } from '../../../shared/lang/language';
import { NOTE_NODES } from '../../../shared/nodes/NoteSectionNode';
import { noteRoomId } from '../../../shared/note/noteRoom';
import type { Session } from '../connection/session';
import { createDocumentConnection, type DocumentConnection } from './createProvider';

/** What the note editor needs to know of its act and its user. */
export interface NoteEditorProps {
  readonly session: Session;
  readonly docId: string;
  readonly language: Language;
  readonly userName: string;
  readonly userColor: string;
  readonly readOnly: boolean;
}

/**
 * The act's explanatory note (issue 13, §3), edited live in its own room (`<docId>--note`) with the same
 * CollaborationPlugin setup as the act. The server seeds the sections; their headings are fields of the
 * section nodes, so only the body paragraphs can be typed into.
 */
export function NoteEditor({ session, docId, language, userName, userColor, readOnly }: NoteEditorProps) {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  const connection = useRef<DocumentConnection | null>(null);
  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      connection.current?.local.destroy();
      connection.current = createDocumentConnection(session, id, yjsDocMap);
      return connection.current.provider as unknown as Provider;
    },
    [session],
  );
  const onEditorRef = useCallback((value: LexicalEditor | null) => setEditor(value), []);
  // initialConfig is read once: a note that becomes read-only while open (the act adopted) is switched here.
  useEffect(() => editor?.setEditable(!readOnly), [editor, readOnly]);

  const initialConfig = {
    namespace: `sajaro-note-${docId}`,
    nodes: [...NOTE_NODES],
    // CollaborationPlugin owns the content: no initial state of our own (DESIGN.md).
    editorState: null,
    editable: !readOnly,
    onError: (error: Error) => console.error('[note]', error),
    theme: { paragraph: 'sj-text sj-note-text' },
  };

  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <EditorRefPlugin editorRef={onEditorRef} />
        <div className="sj-editor-layout">
          <div className="sj-page-wrap">
            <div className={`sj-page sj-note-page sj-lang-${language}`} lang={language}>
              <h2 className="sj-note-title">{language === 'ka' ? 'განმარტებითი ბარათი' : 'Explanatory note'}</h2>
              <RichTextPlugin contentEditable={<ContentEditable className="sj-editor sj-note-editor" aria-label={t('note.label')} spellCheck={false} />} ErrorBoundary={LexicalErrorBoundary} />
            </div>
          </div>
          <aside className="sj-aside">
            <p className="sj-note-explain">{t('note.explain')}</p>
          </aside>
        </div>
        <CollaborationPlugin id={noteRoomId(docId)} providerFactory={providerFactory} shouldBootstrap={false} username={userName} cursorColor={userColor} />
      </LexicalComposer>
    </LexicalCollaboration>
  );
}
