import * as Y from 'yjs';

/**
 * The text of an act as @lexical/yjs lays it out in a Y.Doc: the root XmlText 'root' holds one embedded
 * XmlText per top-level block; an element's XmlText holds, in order, its children: an element child is an
 * embedded XmlText, a text node is a Y.Map (its properties) followed by its characters, a line break is a
 * Y.Map, a decorator (a cross-reference) a Y.XmlElement. Comment anchors work on this layout, on the server
 * (no DOM) and in the renderer alike.
 */
export const ACT_ROOT = 'root';

/** One element of the act whose characters anchors can point into: a block, or a table cell's paragraph. */
export interface TextSegment {
  readonly type: Y.XmlText;
  /** Indices among element children from the root down: [7] is the 8th block, [12, 0, 1, 0] a cell's paragraph. */
  readonly path: readonly number[];
  /** The index of the top-level block this segment is in. */
  readonly top: number;
  /** The characters of the element's text nodes, in order (line breaks and references are not characters). */
  readonly text: string;
}

/** A point in the act's text: a segment and a character offset in its text. */
export interface TextPoint {
  readonly path: readonly number[];
  readonly offset: number;
}

/** One top-level block as numbering and review read it. */
export interface ActBlock {
  readonly type: string;
  readonly uid: string;
  readonly depth: number;
  /** 'signature', 'preamble', … for act parts; '' otherwise. */
  readonly part: string;
}

/** The segments and top-level blocks of an act, read once from a Y.Doc. */
export interface ActText {
  readonly root: Y.XmlText;
  readonly segments: readonly TextSegment[];
  readonly blocks: readonly ActBlock[];
  /** The segment that is this Yjs type, if it is a live element of the act. */
  segmentOf(type: unknown): number;
  /** The segment at a path, or -1. */
  segmentAt(path: readonly number[]): number;
}

/** The act's editor root in a Y.Doc. */
export function actRoot(doc: Y.Doc): Y.XmlText {
  return doc.get(ACT_ROOT, Y.XmlText) as Y.XmlText;
}

/** Reads the act's segments and blocks from the current state of a Y.Doc. */
export function readActText(doc: Y.Doc): ActText {
  const root = actRoot(doc);
  const segments: TextSegment[] = [];
  const blocks: ActBlock[] = [];
  const byType = new Map<Y.XmlText, number>();
  const byPath = new Map<string, number>();
  const visit = (type: Y.XmlText, path: number[], top: number): void => {
    let text = '';
    const children: Y.XmlText[] = [];
    for (const op of type.toDelta() as Array<{ insert: unknown }>) {
      if (typeof op.insert === 'string') text += op.insert;
      else if (op.insert instanceof Y.XmlText) children.push(op.insert);
    }
    byType.set(type, segments.length);
    byPath.set(path.join('.'), segments.length);
    segments.push({ type, path, top, text });
    children.forEach((child, i) => visit(child, [...path, i], top));
  };
  let top = 0;
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const attrs = op.insert.getAttributes() as Record<string, unknown>;
    blocks.push({
      type: typeof attrs.__type === 'string' ? attrs.__type : '',
      uid: typeof attrs.__uid === 'string' ? attrs.__uid : '',
      depth: typeof attrs.__depth === 'number' ? attrs.__depth : 0,
      part: typeof attrs.__part === 'string' ? attrs.__part : '',
    });
    visit(op.insert, [top], top);
    top += 1;
  }
  return {
    root,
    segments,
    blocks,
    segmentOf: (type) => byType.get(type as Y.XmlText) ?? -1,
    segmentAt: (path) => byPath.get(path.join('.')) ?? -1,
  };
}

/** The character offset in an element's text of a Yjs index in its XmlText (embeds take an index, no character). */
export function textOffsetOfIndex(type: Y.XmlText, index: number): number {
  let yIndex = 0;
  let offset = 0;
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    if (yIndex >= index) break;
    if (typeof op.insert === 'string') {
      const take = Math.min(op.insert.length, index - yIndex);
      offset += take;
      yIndex += take;
    } else yIndex += 1;
  }
  return offset;
}

/**
 * The Yjs index of a character offset. `'char'` gives the index of the character at the offset (a range's
 * first character); `'after'` the index just after the character before the offset (a range's end), so
 * that neither lands on a text node's property map.
 */
export function indexOfTextOffset(type: Y.XmlText, offset: number, side: 'char' | 'after'): number {
  let yIndex = 0;
  let seen = 0;
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    if (typeof op.insert === 'string') {
      const len = op.insert.length;
      if (side === 'char' ? offset < seen + len : offset <= seen + len && offset > seen) return yIndex + (offset - seen);
      seen += len;
      yIndex += len;
    } else yIndex += 1;
  }
  return -1;
}

/** A point as resolution uses it: a segment index of an ActText and an offset in its text. */
export interface SegmentPoint {
  readonly segment: number;
  readonly offset: number;
}

/** Orders two points by document order: negative when a is first. */
export function comparePoints(a: SegmentPoint, b: SegmentPoint): number {
  return a.segment !== b.segment ? a.segment - b.segment : a.offset - b.offset;
}

/** The text between two points, with '\n' between segments. */
export function textBetween(text: ActText, from: SegmentPoint, to: SegmentPoint): string {
  if (from.segment === to.segment) return text.segments[from.segment]?.text.slice(from.offset, to.offset) ?? '';
  const parts = [text.segments[from.segment]?.text.slice(from.offset) ?? ''];
  for (let s = from.segment + 1; s < to.segment; s += 1) parts.push(text.segments[s]?.text ?? '');
  parts.push(text.segments[to.segment]?.text.slice(0, to.offset) ?? '');
  return parts.join('\n');
}
