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
} from './actCommands';

/** The block the cursor is in, or null without a text selection. */
function $currentBlock(): LexicalNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  return node.getTopLevelElement() ?? null;
}

/** Registers the structure commands and their shortcuts: numbers follow by themselves (NumberingPlugin). */
export function ActCommandsPlugin({ onRequestReference }: { onRequestReference: () => void }) {
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
            if (!group) return false;
            if (direction === -1) {
              const previous = group[0]!.getPreviousSibling();
              const previousGroup = previous ? $articleGroup(previous) : null;
              if (!previousGroup) return false;
              for (const node of group) previousGroup[0]!.insertBefore(node);
            } else {
              const next = group[group.length - 1]!.getNextSibling();
              const nextGroup = next ? $articleGroup(next) : null;
              if (!nextGroup) return false;
              let anchor = nextGroup[nextGroup.length - 1]!;
              for (const node of group) {
                anchor.insertAfter(node);
                anchor = node;
              }
            }
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
            if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
            const action = {
              KeyA: () => editor.dispatchCommand(INSERT_ARTICLE_COMMAND, undefined),
              KeyP: () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined),
              KeyS: () => editor.dispatchCommand(INSERT_SUBPARAGRAPH_COMMAND, undefined),
              KeyC: () => editor.dispatchCommand(INSERT_CHAPTER_COMMAND, undefined),
              KeyR: () => {
                onRequestReference();
                return true;
              },
              ArrowUp: () => editor.dispatchCommand(MOVE_ARTICLE_COMMAND, -1),
              ArrowDown: () => editor.dispatchCommand(MOVE_ARTICLE_COMMAND, 1),
            }[event.code];
            if (!action) return false;
            event.preventDefault();
            return action();
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, onRequestReference],
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
