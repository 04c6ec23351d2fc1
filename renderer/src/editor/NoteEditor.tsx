import { useCallback, useState } from 'react';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { LexicalEditor } from 'lexical';
import { useTranslation } from 'react-i18next';
import { NOTE_NODES } from '../../../shared/nodes/NoteSectionNode';
import { noteRoomId } from '../../../shared/note/noteRoom';
import { useEditableUnless, useRoomProviderFactory, type RoomEditorProps } from './roomEditor';

/** What the note editor needs to know of its act and its user. */
export type NoteEditorProps = RoomEditorProps;

/**
 * The act's explanatory note (issue 13, §3), edited live in its own room (`<docId>--note`) with the same
 * CollaborationPlugin setup as the act. The server seeds the sections; their headings are fields of the
 * section nodes, so only the body paragraphs can be typed into.
 */
export function NoteEditor({ session, docId, language, userName, userColor, readOnly }: NoteEditorProps) {
  const { t } = useTranslation();
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  const providerFactory = useRoomProviderFactory(session);
  const onEditorRef = useCallback((value: LexicalEditor | null) => setEditor(value), []);
  // A note becomes read-only while open when the act is adopted.
  useEditableUnless(editor, readOnly);

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
