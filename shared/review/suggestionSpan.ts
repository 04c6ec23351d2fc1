import * as Y from 'yjs';
import { fail, ok, type Parsed } from '../parsed';
import type { ActText, SegmentPoint } from './actText';
import { anchorBetween, decodePosition, encodePosition, resolveTextAnchor, type TextAnchor } from './textAnchor';

/** A point between two characters of one top-level block of an act: the block's index and a character offset. */
export interface BlockPoint {
  readonly top: number;
  readonly offset: number;
}

/**
 * Where an empty span (an insertion point) stands, so that it follows edits as comment anchors do: right
 * after or right before a neighbouring character (anchored like a comment on that one character), or at the
 * start of a block that has no characters (a Yjs relative position on the block in the act's root).
 */
export type PointRef =
  | { readonly kind: 'after' | 'before'; readonly anchor: TextAnchor }
  | { readonly kind: 'empty'; readonly block: string };

/**
 * Where a suggestion's quoted span stands (issue 12): a comment-style anchor on the quote, or, for an
 * insertion (an empty quote), a point. Stored with the suggestion and given to clients, which can resolve it
 * against their own copy of the act with `resolveSpan`.
 */
export type SpanRef = { readonly kind: 'range'; readonly anchor: TextAnchor } | PointRef;

/** A span resolved against the current text, and the reference to store when its positions had to be found anew. */
export interface ResolvedSpan {
  readonly from: BlockPoint;
  readonly to: BlockPoint;
  readonly moved: SpanRef | null;
}

/** The segment of a top-level block's own text, or -1. */
function blockSegment(act: ActText, top: number): number {
  return act.segmentAt([top]);
}

/** A top-level block's point as a segment point, or null when the block has no text of its own. */
function segmentPoint(act: ActText, point: BlockPoint): SegmentPoint | null {
  const segment = blockSegment(act, point.top);
  if (segment < 0) return null;
  const length = act.segments[segment]!.text.length;
  return point.offset >= 0 && point.offset <= length ? { segment, offset: point.offset } : null;
}

/** Places a reference on the characters between two points of one block. */
export function rangeRef(act: ActText, from: BlockPoint, to: BlockPoint): Parsed<SpanRef> {
  const start = segmentPoint(act, from);
  const end = segmentPoint(act, to);
  if (!start || !end || from.top !== to.top) return fail(`No text between ${from.offset} and ${to.offset} of block ${from.top}`);
  const anchor = anchorBetween(act, start, end);
  return anchor.ok ? ok({ kind: 'range', anchor: anchor.value }) : anchor;
}

/** Places a reference on a point: after the character before it, before the one after it, or in an empty block. */
export function pointRef(act: ActText, point: BlockPoint): Parsed<PointRef> {
  const segment = blockSegment(act, point.top);
  if (segment < 0) return fail(`No block ${point.top} in the act`);
  const text = act.segments[segment]!.text;
  if (point.offset < 0 || point.offset > text.length) return fail(`Offset ${point.offset} lies outside the block's ${text.length} characters`);
  if (text.length === 0) return ok({ kind: 'empty', block: encodePosition(Y.createRelativePositionFromTypeIndex(act.root, point.top, 0)) });
  const after = point.offset > 0;
  const from = { segment, offset: after ? point.offset - 1 : point.offset };
  const anchor = anchorBetween(act, from, { segment, offset: from.offset + 1 });
  return anchor.ok ? ok({ kind: after ? 'after' : 'before', anchor: anchor.value }) : anchor;
}

/** The index of the top-level block a root position is on, when that block is still there. */
function liveBlockAt(doc: Y.Doc, raw: string): number {
  const position = decodePosition(raw);
  if (!position?.item) return -1;
  if (Y.getState(doc.store, position.item.client) <= position.item.clock) return -1;
  const item = Y.getItem(doc.store, position.item) as unknown;
  if (!(item instanceof Y.Item) || item.deleted) return -1;
  return Y.createAbsolutePositionFromRelativePosition(position, doc)?.index ?? -1;
}

/** A resolved anchor as a block point, when both of its ends are in one top-level block's own text. */
function asBlockRange(act: ActText, start: SegmentPoint | null, end: SegmentPoint | null): { from: BlockPoint; to: BlockPoint } | null {
  const a = start ? act.segments[start.segment] : undefined;
  const b = end ? act.segments[end.segment] : undefined;
  if (!a || !b || a !== b || a.path.length !== 1) return null;
  return { from: { top: a.top, offset: start!.offset }, to: { top: b.top, offset: end!.offset } };
}

/** Resolves a point reference; null when its neighbouring character changed or went, or its empty block did. */
export function resolvePoint(doc: Y.Doc, act: ActText, ref: PointRef): { point: BlockPoint; moved: PointRef | null } | null {
  if (ref.kind === 'empty') {
    const top = liveBlockAt(doc, ref.block);
    const segment = top >= 0 ? blockSegment(act, top) : -1;
    return segment >= 0 && act.segments[segment]!.text === '' ? { point: { top, offset: 0 }, moved: null } : null;
  }
  const r = resolveTextAnchor(doc, ref.anchor, act);
  if (r.state !== 'anchored' || r.text !== ref.anchor.text) return null;
  const range = asBlockRange(act, r.start, r.end);
  if (!range) return null;
  let moved: PointRef | null = null;
  if (r.stale && r.start && r.end) {
    const placed = anchorBetween(act, r.start, r.end);
    if (placed.ok) moved = { kind: ref.kind, anchor: placed.value };
  }
  return { point: ref.kind === 'after' ? range.to : range.from, moved };
}

/**
 * Resolves a span against the current text of an act: its quote must still stand, whole, at its anchor (or
 * where relocation finds it again after Lexical re-created the text), within one block. Null means stale.
 */
export function resolveSpan(doc: Y.Doc, act: ActText, ref: SpanRef, quote: string): ResolvedSpan | null {
  if (ref.kind !== 'range') {
    const found = resolvePoint(doc, act, ref);
    return found ? { from: found.point, to: found.point, moved: found.moved } : null;
  }
  const r = resolveTextAnchor(doc, ref.anchor, act);
  if (r.state !== 'anchored' || r.text !== quote) return null;
  const range = asBlockRange(act, r.start, r.end);
  if (!range) return null;
  let moved: SpanRef | null = null;
  if (r.stale && r.start && r.end) {
    const placed = anchorBetween(act, r.start, r.end);
    if (placed.ok) moved = { kind: 'range', anchor: placed.value };
  }
  return { ...range, moved };
}

/**
 * The text between two points that may lie in different top-level blocks, '\n' between blocks; null when a
 * block between them holds more than text of its own (a table), which a text edit must not swallow.
 */
export function textBetweenPoints(act: ActText, from: BlockPoint, to: BlockPoint): string | null {
  if (from.top > to.top || (from.top === to.top && from.offset > to.offset)) return null;
  const parts: string[] = [];
  for (let top = from.top; top <= to.top; top += 1) {
    const segment = blockSegment(act, top);
    if (segment < 0 || act.segments[segment + 1]?.top === top) return null;
    const text = act.segments[segment]!.text;
    parts.push(text.slice(top === from.top ? from.offset : 0, top === to.top ? to.offset : text.length));
  }
  return parts.join('\n');
}

/** A position in the act's root between two blocks, which still gives the place once its neighbours are gone. */
export function gapRef(act: ActText, top: number): string {
  return encodePosition(Y.createRelativePositionFromTypeIndex(act.root, top, 0));
}

/** The index a gap reference gives now, or -1 when the position is not one this state of the act knows. */
export function resolveGap(doc: Y.Doc, raw: string): number {
  const position = decodePosition(raw);
  if (!position) return -1;
  if (position.item && Y.getState(doc.store, position.item.client) <= position.item.clock) return -1;
  return Y.createAbsolutePositionFromRelativePosition(position, doc)?.index ?? -1;
}
