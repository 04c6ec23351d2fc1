import type * as Y from 'yjs';
import type { ResolvedThreadAnchor } from '../../shared/api/review';
import type { Language } from '../../shared/lang/language';
import { readActText, type ActText, type SegmentPoint } from '../../shared/review/actText';
import { articlesByBlock, blockKindLabel, type ArticlePlace } from '../../shared/review/articles';
import { anchorBetween, resolveTextAnchor, type ResolvedAnchor, type TextAnchor } from '../../shared/review/textAnchor';

/** What resolution needs of a stored thread. */
export interface AnchoredThread {
  readonly id: string;
  readonly quote: string;
  readonly anchor: TextAnchor;
  /** Earlier placements, oldest first (for frozen states that predate the current one). */
  readonly anchorHistory?: readonly TextAnchor[];
  readonly articleKey: string | null;
}

/** A thread's anchor resolved against one state of the act, and the anchor to store if its text moved. */
export interface ThreadPlacement {
  readonly resolved: ResolvedThreadAnchor;
  /** Set when the stored anchor should be replaced (the text moved, grew or shrank). */
  readonly moved: { readonly anchor: TextAnchor; readonly articleKey: string | null } | null;
}

/**
 * Resolves the anchors of a document's threads against one state of its act (the live one, or a frozen
 * version): the current article number and text, or "removed" with the quoted original. The article of a
 * removed text is the one it was last seen in, with that article's number in this state.
 */
export function placeThreads(doc: Y.Doc, language: Language, threads: readonly AnchoredThread[], options: { readonly frozen?: boolean } = {}): Map<string, ThreadPlacement> {
  const act = readActText(doc);
  const places = articlesByBlock(act.blocks, language);
  const byKey = new Map<string, ArticlePlace>();
  for (const place of places) if (place) byKey.set(place.key, place);
  const starts = flatStarts(act);
  const out = new Map<string, ThreadPlacement>();
  for (const thread of threads) {
    const r = options.frozen ? resolveInFrozen(doc, act, thread) : resolveTextAnchor(doc, thread.anchor, act);
    const place = r.state === 'anchored' ? (places[r.top] ?? null) : thread.articleKey ? (byKey.get(thread.articleKey) ?? null) : null;
    const order = r.start ? flatIndex(starts, r.start) : r.top >= 0 ? flatIndex(starts, { segment: firstSegmentOf(act, r.top), offset: 0 }) : Number.MAX_SAFE_INTEGER;
    let moved: ThreadPlacement['moved'] = null;
    if (!options.frozen && r.stale && r.start && r.end) {
      const placed = anchorBetween(act, r.start, r.end);
      if (placed.ok) moved = { anchor: placed.value, articleKey: place?.key ?? null };
    }
    out.set(thread.id, {
      resolved: {
        state: r.state,
        quote: thread.quote,
        text: r.text,
        articleKey: place?.key ?? null,
        articleNumber: place?.number ?? null,
        articleLabel: place?.label ?? (r.top >= 0 ? blockKindLabel(act.blocks[r.top], language) : ''),
        blockUid: r.top >= 0 ? (act.blocks[r.top]?.uid ?? thread.anchor.blockUid) : thread.anchor.blockUid,
        order,
      },
      moved,
    });
  }
  return out;
}

/**
 * A frozen state may predate the anchor's current positions: try them, then each earlier placement, newest
 * first; if none was known then, find the text by its block's stable id.
 */
function resolveInFrozen(doc: Y.Doc, act: ActText, thread: AnchoredThread): ResolvedAnchor {
  for (const anchor of [thread.anchor, ...[...(thread.anchorHistory ?? [])].reverse()]) {
    const r = resolveTextAnchor(doc, anchor, act);
    if (r.state !== 'unsynced') return r;
  }
  return resolveTextAnchor(doc, thread.anchor, act, { searchUnknown: true });
}

function flatStarts(act: ActText): number[] {
  const starts: number[] = [];
  let n = 0;
  for (const segment of act.segments) {
    starts.push(n);
    n += segment.text.length + 1;
  }
  return starts;
}

function flatIndex(starts: readonly number[], point: SegmentPoint): number {
  return (starts[point.segment] ?? 0) + point.offset;
}

function firstSegmentOf(act: ActText, top: number): number {
  const index = act.segments.findIndex((s) => s.top === top);
  return index < 0 ? 0 : index;
}
