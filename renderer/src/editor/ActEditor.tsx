import { useCallback, useMemo, useRef, useState } from 'react';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { LexicalEditor } from 'lexical';
import type { WebsocketProvider } from 'y-websocket';
import { ACT_NODES } from '../../../shared/nodes';
import { useRoomProviderFactory, type RoomEditorProps } from './roomEditor';
import { ActCommandsPlugin } from './plugins/ActCommandsPlugin';
import type { StructureRefusal } from './plugins/actCommands';
import { INSERT_REFERENCE_COMMAND } from './plugins/actCommands';
import { NumberingPlugin, type OutlineEntry } from './plugins/NumberingPlugin';
import { Toolbar } from './Toolbar';
import { OutlineSidebar } from './OutlineSidebar';
import { ReferencePicker } from './ReferencePicker';
import { ChangeBadges } from '../changes/ChangeBadges';
import type { NumberingBase } from '../../../shared/model/stableNumbering';
import { SuggestionsProvider, type SuggestionSetup } from '../suggestions/SuggestionsContext';
import { SuggestionsRedline } from '../suggestions/SuggestionsRedline';
import { OpeningProgress } from './OpeningProgress';
import type { SnapshotProgress } from './snapshotDownload';

/** What the editor needs to know of its document and its user. */
export interface ActEditorProps extends RoomEditorProps {
  readonly onProvider: (provider: WebsocketProvider) => void;
  /** Told the Lexical editor once it exists (the page reads the act's text from it). */
  readonly onEditor?: (editor: LexicalEditor | null) => void;
  /** The right-hand column, given the outline to place (the page puts it in its tabs, issue 15). */
  readonly aside?: (outline: React.ReactNode) => React.ReactNode;
  /** Why the text is read-only for this member, for the toolbar's disabled buttons (issue 15). */
  readonly readOnlyReason?: string | undefined;
  /** Opens the shortcuts sheet (the toolbar's button). */
  readonly onShortcuts?: () => void;
  /** Changes per article uid while the changes view is shown (issue 12): badges in the margin and the outline. */
  readonly changes?: ReadonlyMap<string, number>;
  /** A change badge in the margin was clicked. */
  readonly onChangeBadge?: (articleKey: string) => void;
  /** For a revision of an act in force: the numbers it keeps (issue 13, §4). */
  readonly numberingBase?: NumberingBase | undefined;
  /** Suggesting mode and the act's suggestions (issue 12). */
  readonly suggestions: SuggestionSetup;
}

/**
 * The act editor: Lexical over Yjs through the stock CollaborationPlugin. The server seeds every document,
 * so the plugin never bootstraps content; the plugin's Yjs undo manager makes undo per user.
 */
export function ActEditor({ session, docId, language, userName, userColor, readOnly, onProvider, onEditor, aside, onShortcuts, readOnlyReason, changes, onChangeBadge, numberingBase, suggestions }: ActEditorProps) {
  const editorRef = useRef<LexicalEditor | null>(null);
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [picking, setPicking] = useState(false);
  // Why the last structure command could not run (an article cannot move past a chapter heading, say).
  const [refusal, setRefusal] = useState<StructureRefusal | null>(null);

  // The act opens through its chunked snapshot first, and the page shows how far that has come (issue 14).
  const [opening, setOpening] = useState<SnapshotProgress | null>(null);
  const connectionOptions = useMemo(() => ({ snapshot: { onProgress: setOpening } }), []);
  const providerFactory = useRoomProviderFactory(session, onProvider, connectionOptions);
  const onEditorRef = useCallback(
    (value: LexicalEditor | null) => {
      editorRef.current = value;
      setEditor(value);
      onEditor?.(value);
    },
    [onEditor],
  );
  const requestReference = useCallback(() => setPicking(true), []);

  const initialConfig = {
    namespace: `sajaro-${docId}`,
    nodes: [...ACT_NODES],
    // CollaborationPlugin owns the content: no initial state of our own (DESIGN.md).
    editorState: null,
    editable: !readOnly,
    onError: (error: Error) => console.error('[editor]', error),
    theme: { paragraph: 'sj-text', table: 'sj-table', tableCell: 'sj-table-cell', tableCellHeader: 'sj-table-header', text: { bold: 'sj-bold', italic: 'sj-italic', underline: 'sj-underline' } },
  };

  const outlineSidebar = <OutlineSidebar outline={outline} editor={editor} changes={changes} />;
  return (
    <LexicalCollaboration>
      <LexicalComposer initialConfig={initialConfig}>
        <EditorRefPlugin editorRef={onEditorRef} />
        {/* The provider keeps the editor's editability (instead of useEditableUnless): an act that becomes
            read-only while open (adopted, issue 4) is switched there, and so is suggesting mode (issue 12). */}
        <SuggestionsProvider setup={suggestions} readOnly={readOnly}>
          <Toolbar editor={editor} disabled={readOnly} onReference={requestReference} onShortcuts={onShortcuts} offReason={readOnlyReason} refusal={refusal} onDismissRefusal={() => setRefusal(null)} />
          <div className="sj-editor-layout">
            <div className="sj-page-wrap">
              {opening ? <OpeningProgress progress={opening} /> : null}
              <div className={`sj-page sj-lang-${language}`} lang={language}>
                <RichTextPlugin contentEditable={<ContentEditable className="sj-editor" aria-label="act text" spellCheck={false} />} ErrorBoundary={LexicalErrorBoundary} />
                {changes ? <ChangeBadges editor={editor} outline={outline} counts={changes} onSelect={onChangeBadge} /> : null}
                <SuggestionsRedline />
              </div>
            </div>
            <aside className="sj-aside">{aside ? aside(outlineSidebar) : outlineSidebar}</aside>
          </div>
        </SuggestionsProvider>
        <CollaborationPlugin id={docId} providerFactory={providerFactory} shouldBootstrap={false} username={userName} cursorColor={userColor} />
        <TablePlugin />
        <NumberingPlugin language={language} onOutline={setOutline} base={numberingBase} />
        <ActCommandsPlugin onRequestReference={requestReference} onRefused={setRefusal} />
      </LexicalComposer>
      {picking ? (
        <ReferencePicker
          outline={outline}
          language={language}
          onClose={() => setPicking(false)}
          onPick={(choice) => {
            setPicking(false);
            editorRef.current?.focus();
            editorRef.current?.dispatchCommand(INSERT_REFERENCE_COMMAND, choice);
          }}
        />
      ) : null}
    </LexicalCollaboration>
  );
}
