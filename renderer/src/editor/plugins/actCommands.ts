import { createCommand, type LexicalCommand } from 'lexical';
import type { CitationCase } from '../../../../shared/model/numbering';

/** Inserts a new article after the current one (Alt+Shift+A). */
export const INSERT_ARTICLE_COMMAND: LexicalCommand<void> = createCommand('INSERT_ARTICLE_COMMAND');
/** Inserts a numbered paragraph after the current block (Alt+Shift+P). */
export const INSERT_PARAGRAPH_COMMAND: LexicalCommand<void> = createCommand('INSERT_PARAGRAPH_COMMAND');
/** Inserts a lettered subparagraph after the current block (Alt+Shift+S). */
export const INSERT_SUBPARAGRAPH_COMMAND: LexicalCommand<void> = createCommand('INSERT_SUBPARAGRAPH_COMMAND');
/** Inserts a chapter heading before the current article (Alt+Shift+C). */
export const INSERT_CHAPTER_COMMAND: LexicalCommand<void> = createCommand('INSERT_CHAPTER_COMMAND');
/** Moves the current block one level in (Tab) or out (Shift+Tab). */
export const INDENT_BLOCK_COMMAND: LexicalCommand<1 | -1> = createCommand('INDENT_BLOCK_COMMAND');
/** Moves the current article with its paragraphs before the previous article (-1) or after the next (1). */
export const MOVE_ARTICLE_COMMAND: LexicalCommand<1 | -1> = createCommand('MOVE_ARTICLE_COMMAND');
/** Inserts a cross-reference to the block with this stable id at the cursor. */
export const INSERT_REFERENCE_COMMAND: LexicalCommand<{ target: string; grammaticalCase: CitationCase }> = createCommand('INSERT_REFERENCE_COMMAND');

/** The keyboard shortcuts of the structure commands, as shown in tooltips and the shortcuts list. */
export const SHORTCUTS = {
  article: 'Alt+Shift+A',
  paragraph: 'Alt+Shift+P',
  subparagraph: 'Alt+Shift+S',
  chapter: 'Alt+Shift+C',
  reference: 'Alt+Shift+R',
  indent: 'Tab',
  outdent: 'Shift+Tab',
  moveUp: 'Alt+Shift+↑',
  moveDown: 'Alt+Shift+↓',
  // The changes view (issue 12): "N"ext and "B"ack, beside the structure shortcuts.
  nextChange: 'Alt+Shift+N',
  previousChange: 'Alt+Shift+B',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Y',
} as const;
