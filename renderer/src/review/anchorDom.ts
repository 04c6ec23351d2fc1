import { $getNearestNodeFromDOMNode, $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import type { TextPoint } from '../../../shared/review/actText';

/**
 * The bridge between the act's DOM and comment anchors. An anchor point is a path of element indices from
 * the root and a character offset in that element's text nodes (shared/review/actText.ts); the Yjs layout
 * and the Lexical tree have the same elements in the same order, so the path means the same on both sides.
 */

/** The path of an element: its index among its parent's element children, from the root down. */
function $pathOf(element: ElementNode): number[] | null {
  const path: number[] = [];
  let node: ElementNode = element;
  for (;;) {
    const parent = node.getParent();
    if (!parent) return node === $getRoot() ? path.reverse() : null;
    path.push(parent.getChildren().filter($isElementNode).indexOf(node));
    node = parent;
  }
}

/** The element at a path, or null. */
function $elementAt(path: readonly number[]): ElementNode | null {
  let node: ElementNode = $getRoot();
  for (const index of path) {
    const next: LexicalNode | undefined = node.getChildren().filter($isElementNode)[index];
    if (!next || !$isElementNode(next)) return null;
    node = next;
  }
  return node;
}

/** The DOM text nodes of the act's text (not the computed numbers or reference labels), in document order. */
function textNodesIn(root: HTMLElement, range?: Range): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest('[data-lexical-text="true"]')) continue;
    if (range && !range.intersectsNode(n)) continue;
    out.push(n as Text);
  }
  return out;
}

/** The anchor point of a position in a DOM text node of the editor. Must run inside a read. */
function $pointOf(text: Text, offset: number): TextPoint | null {
  const node = $getNearestNodeFromDOMNode(text);
  if (!$isTextNode(node)) return null;
  const parent = node.getParent();
  if (!parent) return null;
  let at = Math.min(offset, node.getTextContentSize());
  for (let sibling = node.getPreviousSibling(); sibling; sibling = sibling.getPreviousSibling()) {
    if ($isTextNode(sibling)) at += sibling.getTextContentSize();
  }
  const path = $pathOf(parent);
  return path ? { path, offset: at } : null;
}

/** The anchor points of a DOM selection range in the editor, or null when it covers no text of the act. */
export function pointsOfRange(editor: LexicalEditor, range: Range): { from: TextPoint; to: TextPoint } | null {
  const root = editor.getRootElement();
  if (!root || range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const texts = textNodesIn(root, range);
  const first = texts[0];
  const last = texts[texts.length - 1];
  if (!first || !last) return null;
  const startOffset = range.startContainer === first ? range.startOffset : 0;
  const endOffset = range.endContainer === last ? range.endOffset : last.length;
  return editor.read(() => {
    const from = $pointOf(first, startOffset);
    const to = $pointOf(last, endOffset);
    return from && to ? { from, to } : null;
  });
}

/** A DOM position for an anchor point, or null when the editor does not (yet) show that element. */
function $domPoint(editor: LexicalEditor, point: TextPoint, side: 'start' | 'end'): { node: Text; offset: number } | null {
  const element = $elementAt(point.path);
  if (!element) return null;
  let seen = 0;
  const texts = element.getChildren().filter($isTextNode);
  for (let i = 0; i < texts.length; i += 1) {
    const node = texts[i]!;
    const size = node.getTextContentSize();
    const inside = side === 'start' ? point.offset < seen + size : point.offset <= seen + size;
    if (inside || i === texts.length - 1) {
      const dom = editor.getElementByKey(node.getKey());
      const text = dom ? textNodesIn(dom)[0] : undefined;
      if (!text) return null;
      return { node: text, offset: Math.max(0, Math.min(text.length, point.offset - seen)) };
    }
    seen += size;
  }
  return null;
}

/** The DOM range that shows an anchored text, or null. */
export function rangeOf(editor: LexicalEditor, from: TextPoint, to: TextPoint): Range | null {
  return editor.read(() => {
    const start = $domPoint(editor, from, 'start');
    const end = $domPoint(editor, to, 'end');
    if (!start || !end) return null;
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range.collapsed ? null : range;
  });
}
