import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalNode, type TextNode } from 'lexical';
import type { NewBlockSpec } from '../../shared/api/suggestions';
import {
  $createActPartNode,
  $createAnnexNode,
  $createArticleNode,
  $createChapterNode,
  $createClauseNode,
  $isActPartNode,
  $isArticleNode,
  $isClauseNode,
  ACT_PARTS,
  type ActPart,
} from '../../shared/nodes';
import { ACT_TYPES, type ActType } from '../../shared/model/documentModel';
import type { BlockPoint } from '../../shared/review/suggestionSpan';

/** A text edit the server cannot make as the act stands: the caller answers 409 and changes nothing. */
export class EditRefused extends Error {}

/** What a removed block was, so that undo can put it back as it was (its stable id included). */
export interface BlockShape {
  readonly type: string;
  readonly uid: string;
  readonly depth: number;
  readonly part: string;
  readonly actType: string;
}

/**
 * Replaces the characters between two points (possibly in different top-level blocks) by new text: the
 * first line continues the block of `from`, each further line is a new block after it (of the kind
 * `newBlocks` names, or the kind Enter makes), and whatever followed `to` moves to the end of the last
 * line. Cross-references and line breaks at the two ends stay outside the span; those inside it go with it.
 * Must run inside `editor.update`. Returns where the new text now stands.
 */
export function $replaceSpan(from: BlockPoint, to: BlockPoint, lines: readonly string[], newBlocks: readonly (NewBlockSpec | null | undefined)[] = []): { from: BlockPoint; to: BlockPoint } {
  const blocks = $getRoot().getChildren();
  const first = textBlock(blocks[from.top], from.top);
  const last = textBlock(blocks[to.top], to.top);
  if (from.top > to.top || (from.top === to.top && from.offset > to.offset)) throw new EditRefused('the span ends before it starts');
  $splitAt(last, to.offset);
  $splitAt(first, from.offset);
  const startIndex = $indexAt(first, from.offset, 'start');
  const endIndex = Math.max(from.top === to.top ? startIndex : 0, $indexAt(last, to.offset, 'end'));
  const firstChildren = first.getChildren();
  const lastChildren = last.getChildren();
  const replaced = from.top === to.top ? firstChildren.slice(startIndex, endIndex) : [...firstChildren.slice(startIndex), ...lastChildren.slice(0, endIndex)];
  const rest = lastChildren.slice(endIndex);
  const template = [...replaced, ...firstChildren.slice(0, startIndex).reverse(), ...rest].find($isTextNode) ?? null;
  const text = (value: string): TextNode => {
    const node = $createTextNode(value);
    if (template) node.setFormat(template.getFormat()).setStyle(template.getStyle());
    return node;
  };

  const left = firstChildren.slice(0, startIndex);
  for (const node of replaced) node.remove();
  if (lines[0]) {
    const node = text(lines[0]);
    const before = left[left.length - 1];
    if (before) before.insertAfter(node);
    else if (first.getFirstChild()) first.getFirstChild()!.insertBefore(node);
    else first.append(node);
  }
  let previous: ElementNode = first;
  for (let i = 1; i < lines.length; i += 1) {
    const block = $newBlockAfter(previous, newBlocks[i - 1] ?? null);
    if (lines[i]) block.append(text(lines[i]!));
    previous.insertAfter(block);
    previous = block;
  }
  // What followed the span ends the last line: appending moves it (from the same block, or the span's last one).
  if (rest.length && (previous !== first || from.top !== to.top)) previous.append(...rest);
  for (const block of blocks.slice(from.top + 1, to.top + 1)) block.remove();
  const lastLine = lines[lines.length - 1] ?? '';
  return {
    from,
    to: lines.length === 1 ? { top: from.top, offset: from.offset + lastLine.length } : { top: from.top + lines.length - 1, offset: lastLine.length },
  };
}

/** Removes a whole top-level block; returns its shape for undo. Must run inside `editor.update`. */
export function $removeBlock(top: number): BlockShape {
  const block = textBlock($getRoot().getChildAtIndex(top), top);
  const shape = shapeOf(block);
  block.remove();
  return shape;
}

/** Puts a removed block back at an index of the root, with its text. Must run inside `editor.update`. */
export function $insertBlock(top: number, shape: BlockShape, text: string): void {
  const block = blockOfShape(shape);
  if (text) block.append($createTextNode(text));
  const next = $getRoot().getChildAtIndex(top);
  if (next) next.insertBefore(block);
  else $getRoot().append(block);
}

/** The shape of a block (type, stable id, depth, part). */
export function shapeOf(block: ElementNode): BlockShape {
  const fields = block.getLatest() as unknown as { __uid?: unknown; __depth?: unknown; __part?: unknown; __actType?: unknown };
  return {
    type: block.getType(),
    uid: typeof fields.__uid === 'string' ? fields.__uid : '',
    depth: typeof fields.__depth === 'number' ? fields.__depth : 0,
    part: typeof fields.__part === 'string' ? fields.__part : '',
    actType: typeof fields.__actType === 'string' ? fields.__actType : '',
  };
}

function blockOfShape(shape: BlockShape): ElementNode {
  const uid = shape.uid || undefined;
  switch (shape.type) {
    case 'article':
      return $createArticleNode(uid);
    case 'clause':
      return $createClauseNode(shape.depth, uid);
    case 'chapter':
      return $createChapterNode(uid);
    case 'annex':
      return $createAnnexNode(uid);
    case 'act-part':
      return $createActPartNode(ACT_PARTS.includes(shape.part as ActPart) ? (shape.part as ActPart) : 'preamble', ACT_TYPES.includes(shape.actType as ActType) ? (shape.actType as ActType) : 'dadgenileba');
    default:
      return $createParagraphNode();
  }
}

/** The block a new line makes after `previous`: the kind asked for, or what Enter at its end would make. */
function $newBlockAfter(previous: ElementNode, spec: NewBlockSpec | null): ElementNode {
  if (spec?.type === 'article') return $createArticleNode();
  if (spec?.type === 'chapter') return $createChapterNode();
  if (spec?.type === 'clause') return $createClauseNode(spec.depth ?? ($isClauseNode(previous) ? previous.getDepth() : 0));
  if ($isClauseNode(previous)) return $createClauseNode(previous.getDepth());
  if ($isArticleNode(previous)) return $createClauseNode(0);
  if (previous.getType() === 'chapter' || previous.getType() === 'annex') return $createArticleNode();
  if ($isActPartNode(previous)) {
    const part = previous.getPart();
    return $createActPartNode(part === 'signature' || part === 'preamble' ? part : 'preamble');
  }
  return $createParagraphNode();
}

/** A top-level block whose children are inline (text, references, line breaks), or a refusal. */
function textBlock(node: LexicalNode | null | undefined, top: number): ElementNode {
  if (!$isElementNode(node) || node.getChildren().some((child) => $isElementNode(child) && !child.isInline())) {
    throw new EditRefused(`block ${top} is not a block of text`);
  }
  return node;
}

/** Makes sure a child boundary falls at a character offset of a block, splitting the text node there. */
function $splitAt(block: ElementNode, offset: number): void {
  let chars = 0;
  for (const child of block.getChildren()) {
    if (!$isTextNode(child)) continue;
    const length = child.getTextContentSize();
    if (offset > chars && offset < chars + length) {
      child.splitText(offset - chars);
      return;
    }
    chars += length;
  }
  if (offset > chars) throw new EditRefused(`offset ${offset} lies beyond the block's ${chars} characters`);
}

/**
 * The index of the first child at or after a character offset (a boundary `$splitAt` made). Nodes without
 * characters (references, line breaks) right at the offset count as before a span's start and after its end,
 * so that they stay outside the span.
 */
function $indexAt(block: ElementNode, offset: number, side: 'start' | 'end'): number {
  let chars = 0;
  const children = block.getChildren();
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i]!;
    const length = $isTextNode(child) ? child.getTextContentSize() : 0;
    if (length > 0) {
      if (chars >= offset) return i;
      chars += length;
    } else if (chars > offset || (chars === offset && side === 'end')) return i;
  }
  return children.length;
}
