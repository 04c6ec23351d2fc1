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
    const { text, children } = contentOf(type);
    byType.set(type, segments.length);
    byPath.set(path.join('.'), segments.length);
    segments.push({ type, path, top, text });
    children.forEach((child, i) => visit(child, [...path, i], top));
  };
  contentOf(root).children.forEach((block, top) => {
    // One attribute at a time: getAttributes() copies every property and costs most of a read.
    const attr = (name: string): unknown => block.getAttribute(name);
    const [type, uid, depth, part] = [attr('__type'), attr('__uid'), attr('__depth'), attr('__part')];
    blocks.push({
      type: typeof type === 'string' ? type : '',
      uid: typeof uid === 'string' ? uid : '',
      depth: typeof depth === 'number' ? depth : 0,
      part: typeof part === 'string' ? part : '',
    });
    visit(block, [top], top);
  });
  return {
    root,
    segments,
    blocks,
    segmentOf: (type) => byType.get(type as Y.XmlText) ?? -1,
    segmentAt: (path) => byPath.get(path.join('.')) ?? -1,
  };
}

/**
 * The live content of an element: its characters and its element children. It walks the items directly
 * rather than through `toDelta()`, which is several times slower on a long act (read on every edit).
 */
function contentOf(type: Y.XmlText): { text: string; children: Y.XmlText[] } {
  let text = '';
  const children: Y.XmlText[] = [];
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (item.content instanceof Y.ContentString) text += item.content.str;
    else if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) children.push(item.content.type);
  }
  return { text, children };
}

/** Calls `visit` with each live run of an element: a string, or an embed (one index, no character). */
function eachRun(type: Y.XmlText, visit: (text: string | null) => boolean | void): void {
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const text = item.content instanceof Y.ContentString ? item.content.str : null;
    if (text === null) {
      for (let i = 0; i < item.length; i += 1) if (visit(null) === false) return;
    } else if (visit(text) === false) return;
  }
}

/** The character offset in an element's text of a Yjs index in its XmlText (embeds take an index, no character). */
export function textOffsetOfIndex(type: Y.XmlText, index: number): number {
  let yIndex = 0;
  let offset = 0;
  eachRun(type, (text) => {
    if (yIndex >= index) return false;
    if (text === null) yIndex += 1;
    else {
      const take = Math.min(text.length, index - yIndex);
      offset += take;
      yIndex += take;
    }
    return true;
  });
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
  let found = -1;
  eachRun(type, (text) => {
    if (text === null) {
      yIndex += 1;
      return true;
    }
    const len = text.length;
    if (side === 'char' ? offset < seen + len : offset <= seen + len && offset > seen) {
      found = yIndex + (offset - seen);
      return false;
    }
    seen += len;
    yIndex += len;
    return true;
  });
  return found;
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
