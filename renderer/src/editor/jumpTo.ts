import { $getNodeByKey, $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isRootNode, type LexicalEditor } from 'lexical';
import { NumberedBlockNode } from '../../../shared/nodes';
import { $articleGroup } from './structure';

/** Brings a top-level block into view and puts the cursor at its end, as a click in the outline does. */
export function jumpToBlock(editor: LexicalEditor, key: string): void {
  editor.getElementByKey(key)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  editor.update(() => {
    const node = $getNodeByKey(key);
    if ($isElementNode(node)) node.selectEnd();
  });
}

/** The editor's key of the block with a stable uid (an article's `articleKey`), or null when there is none. */
export function keyOfUid(editor: LexicalEditor, uid: string): string | null {
  return editor.getEditorState().read(() => $getRoot().getChildren().find((b) => b instanceof NumberedBlockNode && b.getUid() === uid)?.getKey() ?? null);
}

/** Jumps to the article with this uid; false when the act has no such article (any more). */
export function jumpToArticle(editor: LexicalEditor, uid: string): boolean {
  const key = keyOfUid(editor, uid);
  if (key) jumpToBlock(editor, key);
  return key !== null;
}

/** The editor's key of the heading of the article the cursor is in, or null outside any article. */
export function currentArticleKey(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const node = selection.anchor.getNode();
    const block = $isRootNode(node) ? null : node.getTopLevelElement();
    return block ? ($articleGroup(block)?.[0]?.getKey() ?? null) : null;
  });
}
