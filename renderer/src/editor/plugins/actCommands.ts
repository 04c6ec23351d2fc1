import { createCommand, type LexicalCommand } from 'lexical';
import type { CitationCase } from '../../../../shared/model/numbering';
import { keysOf } from '../shortcuts';

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
/**
 * Why a structure command did nothing, for the page to say (issue 15): an article moves only among the
 * articles of its chapter, so the first and the last article of a chapter stop at its heading.
 */
export type StructureRefusal = 'moveAcrossChapter' | 'moveFirst' | 'moveLast' | 'moveNoArticle';

/** Inserts a cross-reference to the block with this stable id at the cursor. */
export const INSERT_REFERENCE_COMMAND: LexicalCommand<{ target: string; grammaticalCase: CitationCase }> = createCommand('INSERT_REFERENCE_COMMAND');

/** The keys of the structure commands, as shown in tooltips: read from the one shortcuts list (issue 15). */
export const SHORTCUTS = {
  article: keysOf('article'),
  paragraph: keysOf('paragraph'),
  subparagraph: keysOf('subparagraph'),
  chapter: keysOf('chapter'),
  reference: keysOf('reference'),
  indent: keysOf('indent'),
  outdent: keysOf('outdent'),
  moveUp: keysOf('moveUp'),
  moveDown: keysOf('moveDown'),
  nextChange: keysOf('nextChange'),
  previousChange: keysOf('previousChange'),
  undo: keysOf('undo'),
  redo: keysOf('redo'),
} as const;
