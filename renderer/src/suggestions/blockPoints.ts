import { $createRangeSelection, $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, $setSelection, type LexicalEditor, type LexicalNode, type PointType } from 'lexical';
import type { BlockPoint } from '../../../shared/review/suggestionSpan';

/**
 * Points of the act as suggestions count them: a top-level block's index and a character offset in the
 * block's own text, the characters of its text nodes (cross-references and line breaks are not characters:
 * shared/review/actText.ts). The Lexical tree and the Y.Doc have the same blocks in the same order, so the
 * index means the same in both.
 */

/** The block's own text nodes' characters, or null for a block with none of its own (a table). */
export function $ownText(block: LexicalNode): string | null {
  if (!$isElementNode(block)) return null;
  let text = '';
  for (const child of block.getChildren()) {
    if ($isTextNode(child)) text += child.getTextContent();
    else if ($isElementNode(child)) return null;
  }
  return text;
}

/** The text of the top-level block at an index, or null. */
export function $blockTextAt(top: number): string | null {
  const block = $getRoot().getChildAtIndex(top);
  return block ? $ownText(block) : null;
}

/** A Lexical selection point as a block point; null inside a table or outside the blocks' own text. */
export function $blockPointOf(point: PointType): BlockPoint | null {
  const node = point.getNode();
  const block = node.getTopLevelElement();
  if (!block || $ownText(block) === null) return null;
  const top = block.getIndexWithinParent();
  if (point.type === 'text') {
    if (node.getParent() !== block) return null;
    let offset = point.offset;
    for (let s = node.getPreviousSibling(); s; s = s.getPreviousSibling()) if ($isTextNode(s)) offset += s.getTextContentSize();
    return { top, offset };
  }
  if (node !== block) return null;
  let offset = 0;
  block.getChildren().forEach((child, i) => {
    if (i < point.offset && $isTextNode(child)) offset += child.getTextContentSize();
  });
  return { top, offset };
}

/** The selection as two ordered block points, or null when it is not a text selection in the blocks. */
export function $selectedSpan(): { start: BlockPoint; end: BlockPoint } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const a = $blockPointOf(selection.anchor);
  const b = $blockPointOf(selection.focus);
  if (!a || !b) return null;
  const aFirst = a.top < b.top || (a.top === b.top && a.offset <= b.offset);
  return aFirst ? { start: a, end: b } : { start: b, end: a };
}

/** Puts a collapsed caret at a block point (selection only: the text is not touched). */
export function $placeCaret(point: BlockPoint): void {
  const block = $getRoot().getChildAtIndex(point.top);
  if (!$isElementNode(block)) return;
  let seen = 0;
  const texts = block.getChildren().filter($isTextNode);
  const selection = $createRangeSelection();
  for (let i = 0; i < texts.length; i += 1) {
    const node = texts[i]!;
    const size = node.getTextContentSize();
    if (point.offset <= seen + size || i === texts.length - 1) {
      const at = Math.max(0, Math.min(size, point.offset - seen));
      selection.anchor.set(node.getKey(), at, 'text');
      selection.focus.set(node.getKey(), at, 'text');
      $setSelection(selection);
      return;
    }
    seen += size;
  }
  selection.anchor.set(block.getKey(), 0, 'element');
  selection.focus.set(block.getKey(), 0, 'element');
  $setSelection(selection);
}

/** The DOM element of the top-level block at an index. */
export function blockElement(editor: LexicalEditor, top: number): HTMLElement | null {
  const key = editor.getEditorState().read(() => $getRoot().getChildAtIndex(top)?.getKey());
  return key ? editor.getElementByKey(key) : null;
}

/** The DOM text nodes of a block's own text (not its number, not reference labels), in order. */
export function textLeaves(root: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.closest('[data-lexical-text="true"]')) out.push(n as Text);
  return out;
}

/** The DOM position of a character offset in a block's element: in its text leaves, or its start. */
export function domPointAt(element: HTMLElement, offset: number): { node: Node; offset: number } {
  let seen = 0;
  const leaves = textLeaves(element);
  for (let i = 0; i < leaves.length; i += 1) {
    const leaf = leaves[i]!;
    if (offset <= seen + leaf.length || i === leaves.length - 1) return { node: leaf, offset: Math.max(0, Math.min(leaf.length, offset - seen)) };
    seen += leaf.length;
  }
  return { node: element, offset: element.childNodes.length };
}
