import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalNode,
} from 'lexical';
import {
  $createArticleNode,
  $createChapterNode,
  $createClauseNode,
  $createCrossReferenceNode,
  $isArticleNode,
  $isChapterNode,
  $isClauseNode,
  MAX_CLAUSE_DEPTH,
} from '../../../../shared/nodes';
import { $articleGroup, $startsGroup } from '../structure';
import {
  INDENT_BLOCK_COMMAND,
  INSERT_ARTICLE_COMMAND,
  INSERT_CHAPTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_REFERENCE_COMMAND,
  INSERT_SUBPARAGRAPH_COMMAND,
  MOVE_ARTICLE_COMMAND,
  type StructureRefusal,
} from './actCommands';
import { shortcutOf } from '../shortcuts';

/** The shortcuts this plugin handles on a key press (Tab goes through Lexical's KEY_TAB_COMMAND). */
const KEYED_COMMANDS = ['article', 'paragraph', 'subparagraph', 'chapter', 'reference', 'moveUp', 'moveDown'] as const;

/** The block the cursor is in, or null without a text selection. */
function $currentBlock(): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  return node.getTopLevelElement() ?? null;
}

/** Registers the structure commands and their shortcuts: numbers follow by themselves (NumberingPlugin). */
export function ActCommandsPlugin({ onRequestReference, onRefused }: { onRequestReference: () => void; onRefused?: (refusal: StructureRefusal | null) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_ARTICLE_COMMAND,
          () => {
            const block = $currentBlock();
            if (!block) return false;
            const group = $articleGroup(block);
            const anchor = group ? group[group.length - 1]! : block;
            const article = $createArticleNode();
            const clause = $createClauseNode(0);
            anchor.insertAfter(article);
            article.insertAfter(clause);
            article.selectStart();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_PARAGRAPH_COMMAND,
          () => insertClauseAfterCurrent(0),
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_SUBPARAGRAPH_COMMAND,
          () => {
            const block = $currentBlock();
            const depth = $isClauseNode(block) ? Math.min(MAX_CLAUSE_DEPTH, block.getDepth() + (block.getDepth() === 0 ? 1 : 0)) : 1;
            return insertClauseAfterCurrent(depth);
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_CHAPTER_COMMAND,
          () => {
            const block = $currentBlock();
            if (!block) return false;
            const group = $articleGroup(block);
            const chapter = $createChapterNode();
            (group ? group[0]! : block).insertBefore(chapter);
            chapter.selectStart();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INDENT_BLOCK_COMMAND,
          (direction) => {
            const block = $currentBlock();
            if ($isClauseNode(block)) {
              const depth = block.getDepth() + direction;
              if (depth < 0) {
                // A paragraph stepped out becomes an article of its own.
                const article = $createArticleNode();
                block.getChildren().forEach((child) => article.append(child));
                block.replace(article);
                article.selectEnd();
              } else block.setDepth(depth);
              return true;
            }
            if ($isArticleNode(block) && direction === 1) {
              const clause = $createClauseNode(0);
              block.getChildren().forEach((child) => clause.append(child));
              block.replace(clause);
              clause.selectEnd();
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          MOVE_ARTICLE_COMMAND,
          (direction) => {
            const block = $currentBlock();
            const group = block ? $articleGroup(block) : null;
            if (!group) {
              onRefused?.('moveNoArticle');
              return true;
            }
            // The block the article would pass: a neighbouring article moves, a chapter heading stops it.
            const neighbour = direction === -1 ? group[0]!.getPreviousSibling() : group[group.length - 1]!.getNextSibling();
            const neighbourGroup = neighbour ? $articleGroup(neighbour) : null;
            if (!neighbourGroup) {
              onRefused?.(neighbour && $isChapterNode(neighbour) ? 'moveAcrossChapter' : direction === -1 ? 'moveFirst' : 'moveLast');
              return true;
            }
            if (direction === -1) {
              for (const node of group) neighbourGroup[0]!.insertBefore(node);
            } else {
              let anchor = neighbourGroup[neighbourGroup.length - 1]!;
              for (const node of group) {
                anchor.insertAfter(node);
                anchor = node;
              }
            }
            onRefused?.(null);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          INSERT_REFERENCE_COMMAND,
          ({ target, grammaticalCase }) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            selection.insertNodes([$createCrossReferenceNode(target, grammaticalCase)]);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            const handled = editor.dispatchCommand(INDENT_BLOCK_COMMAND, event.shiftKey ? -1 : 1);
            if (handled) event.preventDefault();
            return handled;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const id = shortcutOf(KEYED_COMMANDS, event);
            if (!id) return false;
            event.preventDefault();
            const run = {
              article: () => editor.dispatchCommand(INSERT_ARTICLE_COMMAND, undefined),
              paragraph: () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined),
              subparagraph: () => editor.dispatchCommand(INSERT_SUBPARAGRAPH_COMMAND, undefined),
              chapter: () => editor.dispatchCommand(INSERT_CHAPTER_COMMAND, undefined),
              reference: () => {
                onRequestReference();
                return true;
              },
              moveUp: () => editor.dispatchCommand(MOVE_ARTICLE_COMMAND, -1),
              moveDown: () => editor.dispatchCommand(MOVE_ARTICLE_COMMAND, 1),
            }[id];
            return run();
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, onRequestReference, onRefused],
  );
  return null;
}

function insertClauseAfterCurrent(depth: number): boolean {
  const block = $currentBlock();
  if (!block) return false;
  const clause = $createClauseNode(depth);
  // After a group boundary (a signature, say), a clause would land outside any article: add a plain line instead.
  if ($startsGroup(block) && !$isArticleNode(block)) {
    const paragraph = $createParagraphNode();
    block.insertAfter(paragraph);
    paragraph.select();
    return true;
  }
  block.insertAfter(clause);
  clause.select();
  return true;
}
