import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { fail, ok, type Parsed } from '../parsed';
import { comparePoints, indexOfTextOffset, readActText, textOffsetOfIndex, textBetween, type ActText, type SegmentPoint, type TextPoint } from './actText';
import { relocateByText } from './relocate';

/** How much context around a commented range an anchor keeps, to choose between equal texts. */
export const ANCHOR_CONTEXT_CHARS = 24;

/**
 * Where a comment points in an act. `start` and `end` are Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) on the range's first and last character, so they follow edits around and
 * inside the range and concurrent edits of other clients. Lexical re-creates moved content (a split, a
 * merge, an article moved), which kills those positions; `block` (a relative position on the start's
 * top-level block in the root), `blockUid` and `text` let resolution find the text again near where it was.
 */
export interface TextAnchor {
  readonly block: string;
  readonly start: string;
  readonly end: string;
  /** The stable id of the block the range starts in ('' for blocks without one). */
  readonly blockUid: string;
  /** The range's text when the anchor was last placed; '\n' separates blocks. */
  readonly text: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Where an anchor is now: on live text, on deleted text, or on text this copy of the act has not received yet. */
export type AnchorState = 'anchored' | 'removed' | 'unsynced';

/** An anchor resolved against the current text of an act. */
export interface ResolvedAnchor {
  readonly state: AnchorState;
  readonly start: SegmentPoint | null;
  readonly end: SegmentPoint | null;
  /** The current text of the range ('' unless anchored). */
  readonly text: string;
  /** The top-level block the range starts in, or where its text was; -1 when unknown. */
  readonly top: number;
  /** True when the stored anchor no longer describes the range exactly and should be placed anew. */
  readonly stale: boolean;
}

/** How to resolve. */
export interface ResolveOptions {
  /**
   * Search by text even when the positions point at edits this state has not seen: right for an older,
   * frozen state of the act (a version), wrong for the live one (the edits may just not have arrived).
   */
  readonly searchUnknown?: boolean;
}

/** Encodes a relative position for storage and the API. */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes a stored relative position, or null for anything that is not exactly one. */
export function decodePosition(raw: string): Y.RelativePosition | null {
  if (!BASE64.test(raw)) return null;
  try {
    const position = Y.decodeRelativePosition(fromBase64(raw));
    // Garbage can decode to something; only the bytes of a real position encode back to themselves.
    return encodePosition(position) === raw ? position : null;
  } catch {
    return null;
  }
}

/** Checks that the three positions of an anchor from outside decode. */
export function checkAnchorPositions(anchor: Pick<TextAnchor, 'block' | 'start' | 'end'>): string | null {
  for (const key of ['block', 'start', 'end'] as const) {
    if (!decodePosition(anchor[key])) return `Invalid anchor.${key} '${anchor[key].slice(0, 40)}': expected base64 of a Yjs relative position`;
  }
  return null;
}

/** Places an anchor on the text between two points of the act held in a Y.Doc. */
export function createTextAnchor(doc: Y.Doc, from: TextPoint, to: TextPoint, act: ActText = readActText(doc)): Parsed<TextAnchor> {
  const start = { segment: act.segmentAt(from.path), offset: from.offset };
  const end = { segment: act.segmentAt(to.path), offset: to.offset };
  if (start.segment < 0 || end.segment < 0) return fail(`No text at ${JSON.stringify(start.segment < 0 ? from : to)}: expected a point in an element of the act`);
  if (comparePoints(start, end) >= 0) return fail('The range is empty: select some text to comment on');
  return anchorBetween(act, start, end);
}

/** Places an anchor between two resolved points (also used to place a moved anchor anew). */
export function anchorBetween(act: ActText, from: SegmentPoint, to: SegmentPoint): Parsed<TextAnchor> {
  // A range that starts at the end of a segment starts, really, at the next character.
  let start = from;
  while (start.segment < to.segment && start.offset >= (act.segments[start.segment]?.text.length ?? 0)) start = { segment: start.segment + 1, offset: 0 };
  let end = to;
  while (end.segment > start.segment && end.offset === 0) end = { segment: end.segment - 1, offset: act.segments[end.segment - 1]?.text.length ?? 0 };
  const startSeg = act.segments[start.segment];
  const endSeg = act.segments[end.segment];
  if (!startSeg || !endSeg || comparePoints(start, end) >= 0) return fail('The range holds no characters: select some text to comment on');
  const startIndex = indexOfTextOffset(startSeg.type, start.offset, 'char');
  const endIndex = indexOfTextOffset(endSeg.type, end.offset, 'after');
  if (startIndex < 0 || endIndex < 0) return fail(`The range ${start.offset}–${end.offset} lies outside the text of its paragraph`);
  const block = act.blocks[startSeg.top];
  return ok({
    block: encodePosition(Y.createRelativePositionFromTypeIndex(act.root, startSeg.top, 0)),
    start: encodePosition(Y.createRelativePositionFromTypeIndex(startSeg.type, startIndex, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(endSeg.type, endIndex, -1)),
    blockUid: block?.uid ?? '',
    text: textBetween(act, start, end),
    prefix: startSeg.text.slice(Math.max(0, start.offset - ANCHOR_CONTEXT_CHARS), start.offset),
    suffix: endSeg.text.slice(end.offset, end.offset + ANCHOR_CONTEXT_CHARS),
  });
}

/** Where a relative position is: not yet received, on a live or a deleted character, and the point it gives. */
interface Located {
  readonly known: boolean;
  readonly alive: boolean;
  readonly point: SegmentPoint | null;
}

function locate(doc: Y.Doc, act: ActText, raw: string): Located {
  const position = decodePosition(raw);
  if (!position?.item) return { known: position !== null, alive: false, point: null };
  if (Y.getState(doc.store, position.item.client) <= position.item.clock) return { known: false, alive: false, point: null };
  const item = followRedone(doc, position.item);
  if (!item) return { known: true, alive: false, point: null };
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  const segment = absolute ? act.segmentOf(absolute.type) : -1;
  if (!absolute || segment < 0) return { known: true, alive: false, point: null };
  const type = act.segments[segment]!.type;
  const point = { segment, offset: textOffsetOfIndex(type, absolute.index) };
  return { known: true, alive: !item.deleted, point };
}

/** The item a position points at, following undo's re-creations of deleted items; null once collected. */
function followRedone(doc: Y.Doc, id: Y.ID): Y.Item | null {
  let next: Y.ID | null = id;
  let item: Y.Item | null = null;
  for (let guard = 0; next && guard < 1000; guard += 1) {
    const found = Y.getItem(doc.store, next) as unknown;
    if (!(found instanceof Y.Item)) return null;
    item = found;
    next = found.redone;
  }
  return item;
}

/** The top-level block the anchor's block position gives: the block itself, or where it stood if deleted. */
function blockHint(doc: Y.Doc, raw: string): number {
  const position = decodePosition(raw);
  if (!position) return -1;
  if (position.item && Y.getState(doc.store, position.item.client) <= position.item.clock) return -1;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return absolute ? absolute.index : -1;
}

/**
 * Resolves an anchor against the current text: first by its relative positions; when Lexical re-created
 * the text (split, merge, move, undo of a deletion), by finding its text again in its block (by stable id)
 * or next to where the block was; when only part survived, the surviving part; otherwise the text is removed.
 */
export function resolveTextAnchor(doc: Y.Doc, anchor: TextAnchor, act: ActText = readActText(doc), options: ResolveOptions = {}): ResolvedAnchor {
  const start = locate(doc, act, anchor.start);
  const end = locate(doc, act, anchor.end);
  const topOf = (p: SegmentPoint | null): number => (p ? (act.segments[p.segment]?.top ?? -1) : -1);
  if (start.alive && end.alive && start.point && end.point && comparePoints(start.point, end.point) < 0) {
    const text = textBetween(act, start.point, end.point);
    return { state: 'anchored', start: start.point, end: end.point, text, top: topOf(start.point), stale: text !== anchor.text || act.blocks[topOf(start.point)]?.uid !== anchor.blockUid };
  }
  if ((!start.known || !end.known) && !options.searchUnknown) return { state: 'unsynced', start: null, end: null, text: '', top: -1, stale: false };
  const hint = blockHint(doc, anchor.block);
  const found = relocateByText(act, anchor, {
    hints: [hint, topOf(start.point), topOf(end.point)].filter((t) => t >= 0),
    fixedStart: start.alive ? start.point : null,
    fixedEnd: end.alive ? end.point : null,
    expected: start.point ?? end.point,
  });
  if (found) return { state: 'anchored', start: found.start, end: found.end, text: textBetween(act, found.start, found.end), top: topOf(found.start), stale: true };
  if ((start.alive || end.alive) && start.point && end.point && comparePoints(start.point, end.point) < 0) {
    return { state: 'anchored', start: start.point, end: end.point, text: textBetween(act, start.point, end.point), top: topOf(start.point), stale: true };
  }
  const top = topOf(start.point) >= 0 ? topOf(start.point) : Math.min(hint, act.blocks.length - 1);
  return { state: 'removed', start: null, end: null, text: '', top, stale: false };
}
