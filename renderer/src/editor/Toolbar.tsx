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
  type StructureRefusal,
} from './plugins/actCommands';
import { ModeToggle } from '../suggestions/ModeToggle';
import { useSuggestions } from '../suggestions/SuggestionsContext';
import { keysOf } from './shortcuts';

/** The buttons that also work in suggesting mode, where they propose instead of edit (issue 12). */
const IN_SUGGESTING = new Set(['undo', 'insert-article', 'insert-paragraph', 'insert-subparagraph']);

/** The structure toolbar with the editing / suggesting switch: every button names its shortcut in its tooltip. */
export function Toolbar(props: {
  editor: LexicalEditor | null;
  disabled: boolean;
  onReference: () => void;
  onShortcuts?: (() => void) | undefined;
  refusal?: StructureRefusal | null;
  onDismissRefusal?: () => void;
  /** Why the buttons are off for this member (their role may not edit), said in each one's tooltip. */
  offReason?: string | undefined;
}) {
  const { editor, disabled, onReference, onShortcuts, refusal, onDismissRefusal, offReason } = props;
  const { t } = useTranslation();
  const { suggesting } = useSuggestions();
  const off = (name: string): boolean => !editor || (suggesting ? !IN_SUGGESTING.has(name) : disabled);
  const button = (label: string, shortcut: string, run: () => void, name: string) => (
    <button type="button" data-action={name} disabled={off(name)} title={`${label} (${shortcut})${off(name) && offReason ? `\n${offReason}` : ''}`} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </button>
  );
  if (!editor) return <div className="sj-toolbar" />;
  return (
    <div className={`sj-toolbar${suggesting ? ' sj-toolbar-suggesting' : ''}`} role="toolbar">
      <ModeToggle />
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
      {onShortcuts ? (
        <button type="button" className="sj-toolbar-end" data-action="shortcuts" title={`${t('shortcuts.title')} (${keysOf('shortcuts')})`} onMouseDown={(e) => e.preventDefault()} onClick={onShortcuts}>
          ⌨ {t('editor.shortcuts')}
        </button>
      ) : null}
      {refusal ? (
        <p className="sj-toolbar-notice" role="status" data-field="structure-refusal">
          {t(`structure.${refusal}`)}{' '}
          <button type="button" className="sj-link-button" onClick={onDismissRefusal}>
            {t('structure.dismiss')}
          </button>
        </p>
      ) : null}
      {suggesting ? <div className="sj-suggesting-banner">{t('suggest.modeSuggestingHint')}</div> : null}
    </div>
  );
}
