import type { ActText, SegmentPoint } from './actText';

/** What resolution knows when an anchor's positions died: where to look, and which ends are still sure. */
export interface RelocateHints {
  /** Top-level blocks near which the text was: it is searched there and in the blocks on either side. */
  readonly hints: readonly number[];
  /** A surviving first character: a match must start here. */
  readonly fixedStart: SegmentPoint | null;
  /** A surviving end: a match must end here. */
  readonly fixedEnd: SegmentPoint | null;
  /** Where the text was last; the nearest match wins. */
  readonly expected: SegmentPoint | null;
}

interface Run {
  readonly text: string;
  /** For each character of `text`: its segment and offset. */
  readonly points: SegmentPoint[];
}

/**
 * Finds an anchor's text again after Lexical re-created it: a paragraph split (the text now spans two
 * blocks or moved to the next one), a merge (it moved into the block before), an article moved (its blocks
 * keep their stable ids), an undone deletion. Block breaks are ignored on both sides, so "ab|cd" split into
 * "ab" + "cd" still matches. Only the anchor's own block (by stable id) and the blocks next to where it
 * was are searched, so equal text elsewhere in the act is never taken for it.
 */
export function relocateByText(
  act: ActText,
  anchor: { readonly blockUid: string; readonly text: string; readonly prefix: string; readonly suffix: string },
  hints: RelocateHints,
): { start: SegmentPoint; end: SegmentPoint } | null {
  const needle = anchor.text.replace(/\n/g, '');
  if (!needle) return null;
  const tops = new Set<number>();
  const near = (top: number): void => {
    for (const t of [top - 1, top, top + 1]) if (t >= 0 && t < act.blocks.length) tops.add(t);
  };
  hints.hints.forEach(near);
  if (anchor.blockUid) act.blocks.forEach((block, top) => block.uid === anchor.blockUid && near(top));

  let best: { start: SegmentPoint; end: SegmentPoint; score: number } | null = null;
  for (const run of runsOver(act, tops)) {
    for (let at = run.text.indexOf(needle); at >= 0; at = run.text.indexOf(needle, at + 1)) {
      const start = run.points[at]!;
      const last = run.points[at + needle.length - 1]!;
      const end = { segment: last.segment, offset: last.offset + 1 };
      if (hints.fixedStart && !samePoint(start, hints.fixedStart)) continue;
      if (hints.fixedEnd && !samePoint(end, hints.fixedEnd)) continue;
      const score = distance(act, start, hints.expected) - contextBonus(run.text, at, needle.length, anchor);
      if (!best || score < best.score) best = { start, end, score };
    }
  }
  return best ? { start: best.start, end: best.end } : null;
}

/** The segments of the chosen blocks, grouped into runs of consecutive segments, their texts joined. */
function runsOver(act: ActText, tops: ReadonlySet<number>): Run[] {
  const runs: Run[] = [];
  let current: { text: string; points: SegmentPoint[] } | null = null;
  let previous = -2;
  act.segments.forEach((segment, index) => {
    if (!tops.has(segment.top)) return;
    if (!current || index !== previous + 1) {
      current = { text: '', points: [] };
      runs.push(current);
    }
    current.text += segment.text;
    for (let offset = 0; offset < segment.text.length; offset += 1) current.points.push({ segment: index, offset });
    previous = index;
  });
  return runs;
}

function samePoint(a: SegmentPoint, b: SegmentPoint): boolean {
  return a.segment === b.segment && a.offset === b.offset;
}

/** Characters between a point and where the text was expected, counting block breaks as one. */
function distance(act: ActText, point: SegmentPoint, expected: SegmentPoint | null): number {
  if (!expected) return 0;
  const flat = (p: SegmentPoint): number => {
    let n = 0;
    for (let s = 0; s < p.segment; s += 1) n += (act.segments[s]?.text.length ?? 0) + 1;
    return n + p.offset;
  };
  return Math.abs(flat(point) - flat(expected));
}

/** A small preference for matches whose surroundings are as they were. */
function contextBonus(text: string, at: number, length: number, anchor: { readonly prefix: string; readonly suffix: string }): number {
  let bonus = 0;
  if (anchor.prefix && text.slice(Math.max(0, at - anchor.prefix.length), at) === anchor.prefix) bonus += 1000;
  if (anchor.suffix && text.slice(at + length, at + length + anchor.suffix.length) === anchor.suffix) bonus += 1000;
  return bonus;
}
