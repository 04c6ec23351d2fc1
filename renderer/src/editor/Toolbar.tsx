import { useTranslation } from 'react-i18next';
import { REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import {
  INDENT_BLOCK_COMMAND,
  INSERT_ARTICLE_COMMAND,
  INSERT_CHAPTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_SUBPARAGRAPH_COMMAND,
  MOVE_ARTICLE_COMMAND,
  SHORTCUTS,
} from './plugins/actCommands';

/** The structure toolbar: every button names its shortcut in its tooltip. */
export function Toolbar({ editor, disabled, onReference }: { editor: LexicalEditor | null; disabled: boolean; onReference: () => void }) {
  const { t } = useTranslation();
  const button = (label: string, shortcut: string, run: () => void, name: string) => (
    <button type="button" data-action={name} disabled={disabled || !editor} title={`${label} (${shortcut})`} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </button>
  );
  if (!editor) return <div className="sj-toolbar" />;
  return (
    <div className="sj-toolbar" role="toolbar">
      {button(`↶ ${t('editor.undo')}`, SHORTCUTS.undo, () => editor.dispatchCommand(UNDO_COMMAND, undefined), 'undo')}
      {button(`↷ ${t('editor.redo')}`, SHORTCUTS.redo, () => editor.dispatchCommand(REDO_COMMAND, undefined), 'redo')}
      <span className="sj-sep" />
      {button(`+ ${t('editor.insertChapter')}`, SHORTCUTS.chapter, () => editor.dispatchCommand(INSERT_CHAPTER_COMMAND, undefined), 'insert-chapter')}
      {button(`+ ${t('editor.insertArticle')}`, SHORTCUTS.article, () => editor.dispatchCommand(INSERT_ARTICLE_COMMAND, undefined), 'insert-article')}
      {button(`+ ${t('editor.insertParagraph')}`, SHORTCUTS.paragraph, () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined), 'insert-paragraph')}
      {button(`+ ${t('editor.insertSubparagraph')}`, SHORTCUTS.subparagraph, () => editor.dispatchCommand(INSERT_SUBPARAGRAPH_COMMAND, undefined), 'insert-subparagraph')}
      {button(`⇥ ${t('editor.indent')}`, SHORTCUTS.indent, () => editor.dispatchCommand(INDENT_BLOCK_COMMAND, 1), 'indent')}
      {button(`⇤ ${t('editor.outdent')}`, SHORTCUTS.outdent, () => editor.dispatchCommand(INDENT_BLOCK_COMMAND, -1), 'outdent')}
      {button(`↑ ${t('editor.moveUp')}`, SHORTCUTS.moveUp, () => editor.dispatchCommand(MOVE_ARTICLE_COMMAND, -1), 'move-up')}
      {button(`↓ ${t('editor.moveDown')}`, SHORTCUTS.moveDown, () => editor.dispatchCommand(MOVE_ARTICLE_COMMAND, 1), 'move-down')}
      {button(`§ ${t('editor.insertReference')}`, SHORTCUTS.reference, onReference, 'insert-reference')}
    </div>
  );
}
