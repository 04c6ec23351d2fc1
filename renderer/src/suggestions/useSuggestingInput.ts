import { useEffect } from 'react';
import { mergeRegister } from '@lexical/utils';
import {
  COLLABORATION_TAG,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND as LEXICAL_INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  REDO_COMMAND,
  REMOVE_TEXT_COMMAND,
  UNDO_COMMAND,
  BLUR_COMMAND,
  $getRoot,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import {
  INDENT_BLOCK_COMMAND,
  INSERT_ARTICLE_COMMAND,
  INSERT_CHAPTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_REFERENCE_COMMAND,
  INSERT_SUBPARAGRAPH_COMMAND,
  MOVE_ARTICLE_COMMAND,
} from '../editor/plugins/actCommands';
import { $isClauseNode, MAX_CLAUSE_DEPTH } from '../../../shared/nodes';
import { $selectedSpan } from './blockPoints';
import type { SuggestingController } from './suggestingController';

/** Edits that suggesting mode has no suggestion for (formatting, moving, references): they do nothing. */
const SWALLOWED: readonly LexicalCommand<unknown>[] = [
  FORMAT_TEXT_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_TAB_COMMAND,
  REMOVE_TEXT_COMMAND,
  REDO_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  INDENT_BLOCK_COMMAND,
  MOVE_ARTICLE_COMMAND,
  INSERT_CHAPTER_COMMAND,
  INSERT_REFERENCE_COMMAND,
] as unknown as LexicalCommand<unknown>[];

const prevent = (event: unknown): void => {
  if (event instanceof Event) event.preventDefault();
};

/** The input types of `beforeinput` that insert text, and how a deletion's input type deletes. */
const INSERTS = new Set(['insertText', 'insertReplacementText', 'insertFromPaste', 'insertFromDrop', 'insertFromYank', 'insertTranspose']);
const DELETES: Record<string, [backward: boolean, unit: 'character' | 'word' | 'line']> = {
  deleteContentBackward: [true, 'character'],
  deleteContentForward: [false, 'character'],
  deleteWordBackward: [true, 'word'],
  deleteWordForward: [false, 'word'],
  deleteSoftLineBackward: [true, 'line'],
  deleteHardLineBackward: [true, 'line'],
  deleteSoftLineForward: [false, 'line'],
  deleteHardLineForward: [false, 'line'],
  deleteContent: [true, 'character'],
  deleteByCut: [true, 'character'],
  deleteByDrag: [true, 'character'],
};

/**
 * While `active`, turns every edit of the act into the change being typed (issue 12): the editing commands
 * are taken at the highest priority, and `beforeinput` is stopped before Lexical sees it (Lexical lets the
 * browser insert plain typing itself, past any command), so nothing reaches the shared text. Proposing a
 * new article, paragraph or subparagraph (the toolbar and Alt+Shift+A/P/S) proposes it after the block.
 */
export function useSuggestingInput(editor: LexicalEditor, controller: SuggestingController, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const take = <T>(command: LexicalCommand<T>, run: (payload: T) => void) =>
      editor.registerCommand(
        command,
        (payload) => {
          run(payload);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      );
    const onBeforeInput = (event: InputEvent): void => {
      // Composition (IME) input cannot be cancelled; Georgian and English layouts do not compose.
      if (event.inputType === 'insertCompositionText') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      const deletion = DELETES[event.inputType];
      if (INSERTS.has(event.inputType)) editor.update(() => controller.$insert(text));
      else if (event.inputType === 'insertParagraph' || event.inputType === 'insertLineBreak') editor.update(() => controller.$insert('\n'));
      else if (deletion) editor.update(() => controller.$delete(deletion[0], deletion[1]));
      else if (event.inputType === 'historyUndo') editor.update(() => controller.$undo());
    };
    const stopRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onBeforeInput as EventListener, true);
      root?.addEventListener('beforeinput', onBeforeInput as EventListener, true);
    });
    const proposeClause = (sub: boolean) => {
      const span = $selectedSpan();
      const block = span ? $getRoot().getChildAtIndex(span.end.top) : null;
      const depth = sub ? Math.min(MAX_CLAUSE_DEPTH, $isClauseNode(block) ? Math.max(1, block.getDepth() + (block.getDepth() === 0 ? 1 : 0)) : 1) : 0;
      controller.$proposeBlock({ type: 'clause', depth });
    };
    return mergeRegister(
      stopRoot,
      () => editor.getRootElement()?.removeEventListener('beforeinput', onBeforeInput as EventListener, true),
      ...SWALLOWED.map((command) => take(command, prevent)),
      take(CONTROLLED_TEXT_INSERTION_COMMAND, (payload) => controller.$insert(typeof payload === 'string' ? payload : (payload.data ?? ''))),
      take(KEY_BACKSPACE_COMMAND, (event) => {
        prevent(event);
        controller.$delete(true, event.metaKey ? 'line' : event.ctrlKey || event.altKey ? 'word' : 'character');
      }),
      take(KEY_DELETE_COMMAND, (event) => {
        prevent(event);
        controller.$delete(false, event.ctrlKey || event.altKey ? 'word' : 'character');
      }),
      take(DELETE_CHARACTER_COMMAND, (backward) => controller.$delete(backward, 'character')),
      take(DELETE_WORD_COMMAND, (backward) => controller.$delete(backward, 'word')),
      take(DELETE_LINE_COMMAND, (backward) => controller.$delete(backward, 'line')),
      take(KEY_ENTER_COMMAND, (event) => {
        prevent(event);
        controller.$insert('\n');
      }),
      take(LEXICAL_INSERT_PARAGRAPH_COMMAND, () => controller.$insert('\n')),
      take(INSERT_LINE_BREAK_COMMAND, () => controller.$insert('\n')),
      take(PASTE_COMMAND, (event) => {
        prevent(event);
        const text = event instanceof ClipboardEvent ? (event.clipboardData?.getData('text/plain') ?? '') : '';
        controller.$insert(text);
      }),
      take(CUT_COMMAND, (event) => {
        // The selected text goes to the clipboard as usual; in the act it is only struck.
        if (event instanceof ClipboardEvent && event.clipboardData) {
          event.clipboardData.setData('text/plain', window.getSelection()?.toString() ?? '');
          event.preventDefault();
        }
        controller.$delete(true, 'character');
      }),
      take(UNDO_COMMAND, () => controller.$undo()),
      take(INSERT_ARTICLE_COMMAND, () => controller.$proposeBlock({ type: 'article' })),
      take(INSERT_PARAGRAPH_COMMAND, () => proposeClause(false)),
      take(INSERT_SUBPARAGRAPH_COMMAND, () => proposeClause(true)),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          controller.finish();
          return false;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerUpdateListener(({ tags }) => {
        if (tags.has(COLLABORATION_TAG)) controller.relocate();
        editor.getEditorState().read(() => controller.$followSelection());
      }),
      () => controller.finish(),
    );
  }, [editor, controller, active]);
}
